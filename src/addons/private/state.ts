/**
 * Mutation counter of the addon model: every change that can alter rendered output (an addon's
 * dependencies, a bundle's addons, layers, overrides or attachments) increments it, so that a
 * synthesis renders again only when something changed.
 */
export const modelState = { generation: 0, attachments: 0 };

/** Records a change of the addon model. */
export function touchModel(): void {
  modelState.generation++;
}

/** Records a change of attachments or selectors only (layering stays valid). */
export function touchAttachments(): void {
  modelState.attachments++;
}
