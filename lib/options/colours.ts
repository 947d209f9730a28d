// The colour marks offered in the editor: distinct in light and dark themes, named for screen readers.
import type { MessageKey } from '../i18n';

export const PALETTE: readonly { value: string; name: MessageKey }[] = [
  { value: '#d62728', name: 'colourRed' },
  { value: '#ff7f0e', name: 'colourOrange' },
  { value: '#e3b505', name: 'colourYellow' },
  { value: '#2ca02c', name: 'colourGreen' },
  { value: '#17becf', name: 'colourTeal' },
  { value: '#1f77b4', name: 'colourBlue' },
  { value: '#9467bd', name: 'colourPurple' },
  { value: '#e377c2', name: 'colourPink' },
  { value: '#8c564b', name: 'colourBrown' },
  { value: '#7f7f7f', name: 'colourGrey' },
];
