import { RegistryOwnership, UnitRegistry } from "./registry";
import { RegistryData } from "./types";
import { validateRegistryData } from "./validate";

/**
 * A registry from data nobody has checked yet (another city's JSON, --registry): unique codes and labels, presets
 * naming known units, a group in every scheme … — every problem named in one Error, before any lookup is built.
 * Kept apart from UnitRegistry so that the checks stay out of the custom-functions bundle.
 */
export function loadRegistry(data: RegistryData, options: RegistryOwnership = {}): UnitRegistry {
  validateRegistryData(data);
  return UnitRegistry.fromCheckedData(data, options);
}
