// The wording of the AWS sign-in page in the languages it offers, as one data table: the second detector
// (semantic.ts) matches accessible names against it when ids and names say nothing. Lower case; spaces,
// hyphens and accents do not matter (names.ts folds them away on both sides).
// en, de, fr, es, it, pt, ja, ko, zh-Hans, zh-Hant, id, tr.
export const WORDS = {
  /** The IAM page's account box, and the main page's box while "IAM user" is chosen (every language's label names the account ID). */
  account: [
    'account id',
    'konto-id',
    'id de compte',
    'id de cuenta',
    'id account',
    'id da conta',
    'アカウント id',
    '계정 id',
    '账户 id',
    '帳戶 id',
    'id akun',
    'hesap kimliği',
  ],
  /** The IAM page's user name box. */
  user: [
    'user name',
    'benutzername',
    "nom d'utilisateur",
    'nombre de usuario',
    'nome utente',
    'nome do usuário',
    'ユーザー名',
    '사용자 이름',
    '用户名',
    '使用者名稱',
    'nama pengguna',
    'kullanıcı adı',
  ],
  /** The main page's box while "Root user" is chosen. */
  email: [
    'email',
    'courriel',
    'correo electrónico',
    'メールアドレス',
    '이메일',
    '电子邮件',
    '電子郵件',
    'e-posta',
  ],
  /** The user-type choice. */
  root: [
    'root user',
    'root-benutzer',
    'utilisateur racine',
    'usuario raíz',
    'utente root',
    'usuário raiz',
    'ルートユーザー',
    '루트 사용자',
    '根用户',
    '根使用者',
    'pengguna root',
    'kök kullanıcı',
  ],
  /** "IAM" stays untranslated in every language of the page; a root option is never counted as IAM. */
  iam: ['iam'],
  /** The main page's Next button (the whole accessible name). */
  next: [
    'next',
    'weiter',
    'suivant',
    'siguiente',
    'avanti',
    'próximo',
    '次へ',
    '다음',
    '下一步',
    '繼續',
    'berikutnya',
    'ileri',
  ],
} as const;

export type WordList = keyof typeof WORDS;
