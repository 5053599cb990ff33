/** The pane the page embeds: the task pane's own component, over the in-memory port. */
export { Pane } from "../taskpane/Pane";
export type { PickedCell } from "../taskpane/Pane";
