import type { Messages } from '../i18n.js';

/** Texts of the passkey parts of the hosted sign-in page and of the "add a passkey" offer. */
export type PasskeyKey =
  | 'signInWithPasskey'
  | 'offerTitle'
  | 'offerHeading'
  | 'offerText'
  | 'offerAdd'
  | 'offerSkip'
  | 'errPasskeyCancelled'
  | 'errPasskeyExpired'
  | 'errPasskeyUnknown'
  | 'errPasskeyFailed'
  | 'backToSignIn';

export const passkeyMessages: Messages<PasskeyKey> = {
  en: {
    signInWithPasskey: 'Sign in with a passkey',
    offerTitle: 'Add a passkey',
    offerHeading: 'Sign in faster next time: add a passkey',
    offerText:
      'Next time, sign in to {store} with your fingerprint, face or screen lock instead of a password.',
    offerAdd: 'Add a passkey',
    offerSkip: 'Not now',
    errPasskeyCancelled: 'The passkey was not used. Try again, or sign in another way.',
    errPasskeyExpired: 'This page has expired. Please try again.',
    errPasskeyUnknown: 'This passkey is not registered with this store. Sign in another way.',
    errPasskeyFailed: 'The passkey could not be verified. Try again, or sign in another way.',
    backToSignIn: 'Back to sign-in',
  },
  'zh-CN': {
    signInWithPasskey: '使用通行密钥登录',
    offerTitle: '添加通行密钥',
    offerHeading: '下次登录更快：添加通行密钥',
    offerText: '下次登录 {store} 时，使用指纹、面容或屏幕锁即可，无需密码。',
    offerAdd: '添加通行密钥',
    offerSkip: '以后再说',
    errPasskeyCancelled: '未使用通行密钥。请重试，或使用其他方式登录。',
    errPasskeyExpired: '此页面已过期，请重试。',
    errPasskeyUnknown: '此通行密钥未在本店注册。请使用其他方式登录。',
    errPasskeyFailed: '无法验证此通行密钥。请重试，或使用其他方式登录。',
    backToSignIn: '返回登录',
  },
  es: {
    signInWithPasskey: 'Iniciar sesión con una llave de acceso',
    offerTitle: 'Añadir una llave de acceso',
    offerHeading: 'Inicia sesión más rápido la próxima vez: añade una llave de acceso',
    offerText:
      'La próxima vez, inicia sesión en {store} con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña.',
    offerAdd: 'Añadir una llave de acceso',
    offerSkip: 'Ahora no',
    errPasskeyCancelled:
      'No se usó la llave de acceso. Inténtalo de nuevo o inicia sesión de otra forma.',
    errPasskeyExpired: 'Esta página ha caducado. Inténtalo de nuevo.',
    errPasskeyUnknown:
      'Esta llave de acceso no está registrada en esta tienda. Inicia sesión de otra forma.',
    errPasskeyFailed:
      'No se pudo verificar la llave de acceso. Inténtalo de nuevo o inicia sesión de otra forma.',
    backToSignIn: 'Volver a iniciar sesión',
  },
  fr: {
    signInWithPasskey: 'Se connecter avec une clé d’accès',
    offerTitle: 'Ajouter une clé d’accès',
    offerHeading: 'Connectez-vous plus vite la prochaine fois : ajoutez une clé d’accès',
    offerText:
      'La prochaine fois, connectez-vous à {store} avec votre empreinte, votre visage ou le verrouillage de l’écran au lieu d’un mot de passe.',
    offerAdd: 'Ajouter une clé d’accès',
    offerSkip: 'Plus tard',
    errPasskeyCancelled:
      'La clé d’accès n’a pas été utilisée. Réessayez ou connectez-vous autrement.',
    errPasskeyExpired: 'Cette page a expiré. Veuillez réessayer.',
    errPasskeyUnknown:
      'Cette clé d’accès n’est pas enregistrée pour cette boutique. Connectez-vous autrement.',
    errPasskeyFailed:
      'La clé d’accès n’a pas pu être vérifiée. Réessayez ou connectez-vous autrement.',
    backToSignIn: 'Retour à la connexion',
  },
  de: {
    signInWithPasskey: 'Mit einem Passkey anmelden',
    offerTitle: 'Passkey hinzufügen',
    offerHeading: 'Beim nächsten Mal schneller anmelden: Passkey hinzufügen',
    offerText:
      'Melden Sie sich beim nächsten Mal bei {store} mit Fingerabdruck, Gesicht oder Displaysperre statt mit einem Passwort an.',
    offerAdd: 'Passkey hinzufügen',
    offerSkip: 'Jetzt nicht',
    errPasskeyCancelled:
      'Der Passkey wurde nicht verwendet. Versuchen Sie es erneut oder melden Sie sich anders an.',
    errPasskeyExpired: 'Diese Seite ist abgelaufen. Bitte versuchen Sie es erneut.',
    errPasskeyUnknown:
      'Dieser Passkey ist bei diesem Shop nicht registriert. Melden Sie sich anders an.',
    errPasskeyFailed:
      'Der Passkey konnte nicht überprüft werden. Versuchen Sie es erneut oder melden Sie sich anders an.',
    backToSignIn: 'Zurück zur Anmeldung',
  },
  ru: {
    signInWithPasskey: 'Войти с ключом доступа',
    offerTitle: 'Добавить ключ доступа',
    offerHeading: 'Входите быстрее в следующий раз: добавьте ключ доступа',
    offerText:
      'В следующий раз входите в {store} по отпечатку пальца, лицу или блокировке экрана вместо пароля.',
    offerAdd: 'Добавить ключ доступа',
    offerSkip: 'Не сейчас',
    errPasskeyCancelled: 'Ключ доступа не был использован. Попробуйте ещё раз или войдите иначе.',
    errPasskeyExpired: 'Срок действия страницы истёк. Попробуйте ещё раз.',
    errPasskeyUnknown: 'Этот ключ доступа не зарегистрирован в этом магазине. Войдите иначе.',
    errPasskeyFailed: 'Не удалось проверить ключ доступа. Попробуйте ещё раз или войдите иначе.',
    backToSignIn: 'Вернуться ко входу',
  },
  'pt-BR': {
    signInWithPasskey: 'Entrar com uma chave de acesso',
    offerTitle: 'Adicionar uma chave de acesso',
    offerHeading: 'Entre mais rápido da próxima vez: adicione uma chave de acesso',
    offerText:
      'Da próxima vez, entre em {store} com sua digital, seu rosto ou o bloqueio de tela em vez de uma senha.',
    offerAdd: 'Adicionar chave de acesso',
    offerSkip: 'Agora não',
    errPasskeyCancelled:
      'A chave de acesso não foi usada. Tente novamente ou entre de outra forma.',
    errPasskeyExpired: 'Esta página expirou. Tente novamente.',
    errPasskeyUnknown: 'Esta chave de acesso não está registrada nesta loja. Entre de outra forma.',
    errPasskeyFailed:
      'Não foi possível verificar a chave de acesso. Tente novamente ou entre de outra forma.',
    backToSignIn: 'Voltar para o login',
  },
  ar: {
    signInWithPasskey: 'تسجيل الدخول باستخدام مفتاح مرور',
    offerTitle: 'إضافة مفتاح مرور',
    offerHeading: 'سجّل الدخول أسرع في المرة القادمة: أضف مفتاح مرور',
    offerText:
      'في المرة القادمة، سجّل الدخول إلى {store} ببصمة إصبعك أو وجهك أو قفل الشاشة بدلاً من كلمة المرور.',
    offerAdd: 'إضافة مفتاح مرور',
    offerSkip: 'ليس الآن',
    errPasskeyCancelled: 'لم يُستخدم مفتاح المرور. حاول مرة أخرى أو سجّل الدخول بطريقة أخرى.',
    errPasskeyExpired: 'انتهت صلاحية هذه الصفحة. يُرجى المحاولة مرة أخرى.',
    errPasskeyUnknown: 'مفتاح المرور هذا غير مسجّل في هذا المتجر. سجّل الدخول بطريقة أخرى.',
    errPasskeyFailed: 'تعذّر التحقق من مفتاح المرور. حاول مرة أخرى أو سجّل الدخول بطريقة أخرى.',
    backToSignIn: 'العودة إلى تسجيل الدخول',
  },
};
