// The mutation corpus: pages AWS could plausibly ship next, generated from each replica by a list of DOM
// edits (mutate.ts), each with the outcome Signpost must get — the right fill, or no fill at all.
import type { ReplicaName } from './fixtures';
import type { Op } from './mutate';

export type Outcome = 'fill' | 'no-match';

export interface Mutant {
  name: string;
  replica: ReplicaName;
  ops: Op[];
  outcome: Outcome;
}

/** The boxes (and radio) each replica means for each role, found before the page is mutated. */
export const TARGETS: Record<string, Record<string, string>> = {
  'main-classic': { box: '#resolving_input', radio: '#root_user_radio_button' },
  'main-redesigned': { box: '#resolving_input', radio: 'input[type=radio][value=ROOT]' },
  'iam-classic': { account: '#account', userName: '#username', submit: '#signin_button' },
  'iam-redesigned': { account: '#account', userName: '#username', submit: '#signin_button' },
};

const MAIN_IDS: Record<'main-classic' | 'main-redesigned', Op[]> = {
  'main-classic': [
    ['rename', '#resolving_input', 'ident_1'],
    ['rename', '#next_button', 'btn_1'],
    ['rename', '#root_user_radio_button', 'r_1'],
    ['rename', '#iam_user_radio_button', 'r_2'],
  ],
  'main-redesigned': [
    ['rename', '#resolving_input', 'ident_1'],
    ['rename', '#next_button', 'btn_1'],
  ],
};
const MAIN_BOX = 'form input[type=email]';

/** Every main-page variant, applied to both main replicas. */
function mainMutants(replica: 'main-classic' | 'main-redesigned'): Mutant[] {
  const ids = MAIN_IDS[replica];
  const bare: Op[] = [...ids, ['attr', MAIN_BOX, 'name', null], ['attr', MAIN_BOX, 'autocomplete', null]];
  const list: [string, Op[], Outcome][] = [
    ['ids renamed', ids, 'fill'],
    ['ids removed', ids.map(([, sel]) => ['rename', sel, ''] as Op), 'fill'],
    ['no name, autocomplete only', [...ids, ['attr', MAIN_BOX, 'name', null]], 'fill'],
    ['text box and label only', [...bare, ['attr', MAIN_BOX, 'type', 'text']], 'fill'],
    ['wrappers added', [['wrap', '#resolving_input', '<div class="x"><span></span></div>'], ...ids], 'fill'],
    ['radios turned into role=radio buttons', [...ids, ['radioButtons', 'input[type=radio]']], 'fill'],
    [
      'role=radio buttons named in German, Next a plain "Weiter" button',
      [
        ...bare,
        ['radioButtons', 'input[type=radio]'],
        ['text', '[role=radio]:first-of-type', 'Root-Benutzer'],
        ['text', '[role=radio] ~ [role=radio]', 'IAM-Benutzer'],
        ['attr', 'form button[type=submit]', 'type', 'button'],
        ['text', 'form button:not([role])', 'Weiter'],
      ],
      'fill',
    ],
    [
      'extra submit button in the form, Next found by its name',
      [...ids, ['before', MAIN_BOX, '<button type="submit">Create a new AWS account</button>']],
      'fill',
    ],
    [
      'hidden decoy box with the same name',
      [...ids, ['before', MAIN_BOX, '<input type="email" name="email" style="display:none">']],
      'fill',
    ],
    [
      'honeypot box off-screen',
      [
        ...bare,
        ['before', MAIN_BOX, '<input type="email" tabindex="-1" style="position:absolute;left:-9999px">'],
      ],
      'fill',
    ],
    [
      'two visible boxes that look like the identifier',
      [...ids, ['before', MAIN_BOX, '<input type="email" name="email" autocomplete="username">']],
      'no-match',
    ],
    ['identifier box read-only', [...ids, ['attr', MAIN_BOX, 'readonly', '']], 'no-match'],
    [
      'two IAM user choices',
      [
        ...ids,
        ['before', MAIN_BOX, '<label><input type="radio" name="userType2" value="IAM"> IAM user</label>'],
      ],
      'no-match',
    ],
  ];
  return list.map(([name, ops, outcome]) => ({ name, replica, ops, outcome }));
}

const IAM_IDS: Op[] = [
  ['rename', '#account', 'acct_1'],
  ['rename', '#username', 'user_1'],
  ['rename', '#signin_button', 'btn_1'],
];
const ACCOUNT = 'input[name=account]';
const USER = 'input[name=username]';
/** Ids, names and autocomplete gone: only the labels (kept by the label `for` on the new ids) say what is what. */
const LABELS_ONLY: Op[] = [
  ...IAM_IDS,
  ['attr', ACCOUNT, 'autocomplete', null],
  ['attr', USER, 'autocomplete', null],
  ['attr', ACCOUNT, 'name', null],
  ['attr', USER, 'name', null],
];
const ACCOUNT_LABEL = 'label[for=acct_1]';
const USER_LABEL = 'label[for=user_1]';

const TRANSLATIONS: [string, string, string][] = [
  ['German', 'Konto-ID (12 Ziffern) oder Kontoalias', 'IAM-Benutzername'],
  ['French', 'ID de compte (12 chiffres) ou alias de compte', "Nom d'utilisateur IAM"],
  ['Spanish', 'ID de cuenta (12 dígitos) o alias de cuenta', 'Nombre de usuario de IAM'],
  ['Italian', 'ID account (12 cifre) o alias account', 'Nome utente IAM'],
  ['Portuguese', 'ID da conta (12 dígitos) ou alias da conta', 'Nome do usuário do IAM'],
  ['Japanese', 'アカウント ID (12 桁) またはアカウントエイリアス', 'IAM ユーザー名'],
  ['Korean', '계정 ID(12자리) 또는 계정 별칭', 'IAM 사용자 이름'],
  ['Chinese (simplified)', '账户 ID（12 位）或账户别名', 'IAM 用户名'],
  ['Chinese (traditional)', '帳戶 ID（12 位數）或帳戶別名', 'IAM 使用者名稱'],
  ['Indonesian', 'ID akun (12 digit) atau alias akun', 'Nama pengguna IAM'],
  ['Turkish', 'Hesap kimliği (12 hane) veya hesap diğer adı', 'IAM kullanıcı adı'],
];

function iamMutants(replica: 'iam-classic' | 'iam-redesigned'): Mutant[] {
  const list: [string, Op[], Outcome][] = [
    ['ids renamed', IAM_IDS, 'fill'],
    ['ids removed', IAM_IDS.map(([, sel]) => ['rename', sel, ''] as Op), 'fill'],
    ['labels only', LABELS_ONLY, 'fill'],
    [
      'aria-label only',
      [
        ...LABELS_ONLY,
        ['remove', `${ACCOUNT_LABEL}, ${USER_LABEL}`],
        ['attr', '#acct_1', 'aria-label', 'Account ID or alias'],
        ['attr', '#user_1', 'aria-label', 'IAM username'],
      ],
      'fill',
    ],
    [
      'aria-labelledby only',
      [
        ...LABELS_ONLY,
        ['attr', ACCOUNT_LABEL, 'id', 'l_a'],
        ['attr', USER_LABEL, 'id', 'l_u'],
        ['attr', 'label[for]', 'for', null],
        ['attr', '#acct_1', 'aria-labelledby', 'l_a'],
        ['attr', '#user_1', 'aria-labelledby', 'l_u'],
      ],
      'fill',
    ],
    [
      'wrapping labels, no ids',
      [
        ...LABELS_ONLY,
        ['remove', `${ACCOUNT_LABEL}, ${USER_LABEL}`],
        ['wrap', '#acct_1', '<label>Account ID or account alias </label>'],
        ['wrap', '#user_1', '<label>IAM user name </label>'],
        ['rename', '#acct_1', ''],
        ['rename', '#user_1', ''],
      ],
      'fill',
    ],
    [
      'wrappers added, ids renamed',
      [['wrap', '#account', '<div><div></div></div>'], ['wrap', '#username', '<div></div>'], ...IAM_IDS],
      'fill',
    ],
    [
      'fields reordered',
      [...LABELS_ONLY, ['swap', '#acct_1', '#user_1'], ['swap', ACCOUNT_LABEL, USER_LABEL]],
      'fill',
    ],
    [
      'hidden decoy with the same name first',
      [...IAM_IDS, ['before', USER, '<input type="text" name="username" hidden>']],
      'fill',
    ],
    [
      'off-screen decoy with the same name and id first',
      [
        [
          'before',
          '#username',
          '<input type="text" id="username" name="username" style="position:absolute;left:-10000px">',
        ],
      ],
      'fill',
    ],
    [
      'zero-size decoy with the same name',
      [
        ...IAM_IDS,
        ['before', USER, '<input type="text" name="username" style="width:0;height:0;border:0;padding:0">'],
      ],
      'fill',
    ],
    [
      'honeypot box hidden from assistive technology',
      [
        ...LABELS_ONLY,
        ['before', '#user_1', '<input type="text" name="username" tabindex="-1" aria-hidden="true">'],
      ],
      'fill',
    ],
    [
      'copy of the form in a closed <details>',
      [
        ...IAM_IDS,
        [
          'before',
          'form',
          '<details><summary>Help</summary><form><input name="account"><input name="username"></form></details>',
        ],
      ],
      'fill',
    ],
    [
      'two visible boxes that both look like the user name',
      [...IAM_IDS, ['before', USER, '<input type="text" name="username" autocomplete="username">']],
      'no-match',
    ],
    ['user name box read-only', [...IAM_IDS, ['attr', USER, 'readonly', '']], 'no-match'],
    ['account box disabled', [...IAM_IDS, ['attr', ACCOUNT, 'disabled', '']], 'no-match'],
    [
      'user name box moved into another form',
      [
        ...LABELS_ONLY,
        ['before', 'form', '<form id="other" role="search"></form>'],
        ['move', '#user_1', '#other'],
      ],
      'no-match',
    ],
    [
      "a label that contradicts the box's name",
      [...IAM_IDS, ['text', 'label[for=user_1]', 'Account ID'], ['attr', USER, 'autocomplete', null]],
      'no-match',
    ],
    [
      'boxes of another kind only (MFA code)',
      [...LABELS_ONLY, ['text', `${ACCOUNT_LABEL}, ${USER_LABEL}`, 'MFA code']],
      'no-match',
    ],
  ];
  const translated = TRANSLATIONS.filter((_, i) => i % 2 === (replica === 'iam-classic' ? 0 : 1)).map(
    ([language, account, user]): [string, Op[], Outcome] => [
      `labels only, in ${language}`,
      [...LABELS_ONLY, ['text', ACCOUNT_LABEL, account], ['text', USER_LABEL, user]],
      'fill',
    ],
  );
  return [...list, ...translated].map(([name, ops, outcome]) => ({ name, replica, ops, outcome }));
}

export const CORPUS: Mutant[] = [
  ...mainMutants('main-classic'),
  ...mainMutants('main-redesigned'),
  ...iamMutants('iam-classic'),
  ...iamMutants('iam-redesigned'),
];
