/**
 * Shared layout of the pane. Narrow first: the task pane can be 320 px wide, so everything stacks or wraps
 * (flex-wrap), controls take the available width (no fixed widths), and long texts break. Colours are Fluent
 * tokens only, so the dark theme works; severity accents use the palette tokens.
 */
import { createFocusOutlineStyle, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { Severity } from "../core/findings";

export const useLayout = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    minHeight: "100vh",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "anywhere",
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  /** A row of controls or buttons that wraps onto the next line when the pane is narrow. */
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  grow: {
    flexGrow: 1,
    flexBasis: "8em",
    minWidth: 0,
  },
  full: {
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    boxSizing: "border-box",
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    margin: 0,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

export const useSeverityStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  verify: { color: tokens.colorPaletteDarkOrangeForeground1, ...shorthands.borderColor(tokens.colorPaletteMarigoldBorder2) },
  info: { color: tokens.colorPaletteBlueForeground2, ...shorthands.borderColor(tokens.colorPaletteBlueBorderActive) },
});

export const useItemStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    paddingLeft: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  verify: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  explained: { borderLeftColor: tokens.colorNeutralStroke1 },
  /** The finding of the cell picked in the page's preview (or last clicked in the list). */
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  /** The finding itself is a button: click, Enter or Space goes to the cell. */
  locate: {
    position: "relative",
    display: "block",
    width: "100%",
    textAlign: "start",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":disabled": { cursor: "default", color: tokens.colorNeutralForeground1 },
    ...createFocusOutlineStyle(),
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    marginRight: tokens.spacingHorizontalS,
  },
  unit: {
    fontWeight: tokens.fontWeightSemibold,
  },
  message: {
    display: "block",
    color: tokens.colorNeutralForeground2,
  },
  explanation: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    margin: 0,
  },
});

export function severityClass(classes: Record<Severity, string>, severity: Severity): string {
  return classes[severity];
}
