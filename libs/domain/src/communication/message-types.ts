/** A kind of external message an application may send, e.g. a VAT return. */
export interface MessageTypeDefinition {
  readonly code: string;
  readonly description: string;
}

/** The message types every environment has from the start, blocked until an administrator unblocks them. */
export const MESSAGE_TYPES: readonly MessageTypeDefinition[] = Object.freeze([
  { code: 'btw-aangifte', description: 'Btw-aangifte (VAT return)' },
  { code: 'suppletie-aangifte', description: 'Suppletie-aangifte btw (supplementary VAT return)' },
  { code: 'icp-aangifte', description: 'ICP-aangifte (intra-Community supplies)' },
  { code: 'kvk-deponering', description: 'Deponering jaarstukken bij de KvK (annual accounts filing)' },
]);
