import data from "./data/chongqing.json";
import { UnitRegistry } from "./registry";
import { RegistryData } from "./types";

/**
 * The default registry. Its JSON is checked by loadRegistry in tests/core/units/chongqing-data.test.ts, not at every
 * load (custom functions start often); the cast only narrows string literals.
 */
export const chongqing: UnitRegistry = UnitRegistry.fromCheckedData(data as RegistryData);
