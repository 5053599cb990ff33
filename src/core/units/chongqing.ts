import data from "./data/chongqing.json";
import { UnitRegistry } from "./registry";
import { RegistryData } from "./types";

/** The default registry. The JSON is checked by fromData at load, so the cast only narrows string literals. */
export const chongqing: UnitRegistry = UnitRegistry.fromData(data as RegistryData);
