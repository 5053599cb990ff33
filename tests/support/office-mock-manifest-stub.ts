/**
 * Stand-in for the `office-addin-manifest` package, mapped by jest's moduleNameMapper. office-addin-mock 4.0 needs
 * only its OfficeApp enum, and the real package drags in an ESM-only dependency that jest 30 on Node 20 cannot
 * load (see docs/toolchain.md). Same names and values as office-addin-manifest's officeApp.js.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
