import { Bilingual, bi } from "../i18n";
import { FormerName, UnitRecord } from "./types";

/** Note for a sheet that still uses an old name: the data's own note, or a plain rename note. */
export function formerNameNote(unit: UnitRecord, former: FormerName): Bilingual {
  if (former.note) return former.note;
  if (former.until === undefined) {
    return bi(`${former.name}是${unit.name}的旧称`, `${former.name} is a former name of ${unit.name}`);
  }
  return bi(
    `${former.name}已于${chineseDate(former.until)}更名为${unit.name}`,
    `${former.name} was renamed ${unit.name} (${former.until})`,
  );
}

/** Why a unit cannot be used at a date, naming where its figures went when the data says. */
export function invalidUnitMessage(unit: UnitRecord, isoDate: string, successor: UnitRecord | undefined): Bilingual {
  if (unit.validTo !== undefined && isoDate > unit.validTo) {
    const reason = unit.successor?.note ?? bi(`${unit.name}已不是统计单位`, `${unit.name} is no longer a reporting unit`);
    const check = successor
      ? bi(`请核对是否应填报为“${successor.name}”。`, ` Check whether the row should be ${successor.name}.`)
      : bi("", "");
    return bi(
      `${reason.zh}。该单位统计至${unit.validTo}，不适用于${isoDate}的报表，${check.zh || "请删除或更正该行。"}`,
      `${reason.en}. It is a reporting unit only until ${unit.validTo}, not for a sheet dated ${isoDate}.${check.en || " Remove or correct the row."}`,
    );
  }
  return bi(
    `${unit.name}自${unit.validFrom}起才作为统计单位，不适用于${isoDate}的报表`,
    `${unit.name} is a reporting unit only from ${unit.validFrom}, not for a sheet dated ${isoDate}`,
  );
}

/** registryName is the area's display name (重庆市 / Chongqing). */
export function unknownUnitMessage(input: string, registryName: Bilingual, suggestions: UnitRecord[]): Bilingual {
  if (input === "") return bi("单位名称为空", "The unit name is empty");
  const guess = suggestions.length > 0
    ? bi(`，是否为“${suggestions[0].name}”？`, `; did you mean ${suggestions[0].name}?`)
    : bi("", "");
  return bi(
    `“${input}”不是${registryName.zh}的统计单位${guess.zh}`,
    `"${input}" is not a reporting unit of ${registryName.en}${guess.en}`,
  );
}

function chineseDate(partial: string): string {
  const [year, month, day] = partial.split("-");
  return `${year}年` + (month ? `${Number(month)}月` : "") + (day ? `${Number(day)}日` : "");
}
