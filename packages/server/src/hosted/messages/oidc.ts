import type { Messages } from '../i18n.js';

/** Texts of the upstream identity providers on the hosted sign-in page ({name}: the provider). */
export type OidcKey =
  | 'continueWith'
  | 'or'
  | 'errProviderUnknown'
  | 'errProviderUnavailable'
  | 'errProviderFailed'
  | 'errProviderCancelled'
  | 'errProviderEmail'
  | 'expiredTitle'
  | 'errExpired';

export const oidcMessages: Messages<OidcKey> = {
  en: {
    continueWith: 'Continue with {name}',
    or: 'or',
    errProviderUnknown: 'This way of signing in is not available for this shop.',
    errProviderUnavailable:
      '{name} cannot be reached right now. Try again in a moment, or sign in another way.',
    errProviderFailed: 'Signing in with {name} did not work. Try again, or sign in another way.',
    errProviderCancelled: 'Signing in with {name} was cancelled.',
    errProviderEmail:
      '{name} did not confirm an email address for your account, so it cannot sign you in here. Please sign in another way.',
    expiredTitle: 'Sign-in could not be completed',
    errExpired:
      'This sign-in has expired or was already used. Go back to the shop and start again.',
  },
  'zh-CN': {
    continueWith: '使用 {name} 继续',
    or: '或',
    errProviderUnknown: '此商店不支持这种登录方式。',
    errProviderUnavailable: '暂时无法连接 {name}。请稍后重试，或使用其他方式登录。',
    errProviderFailed: '使用 {name} 登录未成功。请重试，或使用其他方式登录。',
    errProviderCancelled: '已取消使用 {name} 登录。',
    errProviderEmail: '{name} 未确认您账户的电子邮件地址，因此无法在此登录。请使用其他方式登录。',
    expiredTitle: '无法完成登录',
    errExpired: '此次登录已过期或已被使用。请返回商店重新开始。',
  },
  es: {
    continueWith: 'Continuar con {name}',
    or: 'o',
    errProviderUnknown: 'Esta forma de iniciar sesión no está disponible en esta tienda.',
    errProviderUnavailable:
      'No se puede contactar con {name} en este momento. Inténtalo de nuevo en un momento o inicia sesión de otra forma.',
    errProviderFailed:
      'No se pudo iniciar sesión con {name}. Inténtalo de nuevo o inicia sesión de otra forma.',
    errProviderCancelled: 'Se canceló el inicio de sesión con {name}.',
    errProviderEmail:
      '{name} no confirmó ninguna dirección de correo de tu cuenta, así que no puede iniciar tu sesión aquí. Inicia sesión de otra forma.',
    expiredTitle: 'No se pudo completar el inicio de sesión',
    errExpired:
      'Este inicio de sesión ha caducado o ya se usó. Vuelve a la tienda y empieza de nuevo.',
  },
  fr: {
    continueWith: 'Continuer avec {name}',
    or: 'ou',
    errProviderUnknown: "Ce mode de connexion n'est pas proposé par cette boutique.",
    errProviderUnavailable:
      '{name} est injoignable pour le moment. Réessayez dans un instant ou connectez-vous autrement.',
    errProviderFailed:
      "La connexion avec {name} n'a pas abouti. Réessayez ou connectez-vous autrement.",
    errProviderCancelled: 'La connexion avec {name} a été annulée.',
    errProviderEmail:
      "{name} n'a pas confirmé d'adresse e-mail pour votre compte : il ne peut pas vous connecter ici. Connectez-vous autrement.",
    expiredTitle: "La connexion n'a pas pu aboutir",
    errExpired:
      'Cette connexion a expiré ou a déjà été utilisée. Retournez à la boutique et recommencez.',
  },
  de: {
    continueWith: 'Weiter mit {name}',
    or: 'oder',
    errProviderUnknown: 'Diese Anmeldeart bietet dieser Shop nicht an.',
    errProviderUnavailable:
      '{name} ist gerade nicht erreichbar. Versuchen Sie es gleich noch einmal oder melden Sie sich anders an.',
    errProviderFailed:
      'Die Anmeldung mit {name} hat nicht geklappt. Versuchen Sie es erneut oder melden Sie sich anders an.',
    errProviderCancelled: 'Die Anmeldung mit {name} wurde abgebrochen.',
    errProviderEmail:
      '{name} hat keine E-Mail-Adresse Ihres Kontos bestätigt und kann Sie hier deshalb nicht anmelden. Bitte melden Sie sich anders an.',
    expiredTitle: 'Die Anmeldung konnte nicht abgeschlossen werden',
    errExpired:
      'Diese Anmeldung ist abgelaufen oder wurde bereits verwendet. Kehren Sie zum Shop zurück und beginnen Sie neu.',
  },
  ru: {
    continueWith: 'Продолжить с {name}',
    or: 'или',
    errProviderUnknown: 'Этот способ входа недоступен в этом магазине.',
    errProviderUnavailable:
      '{name} сейчас недоступен. Попробуйте ещё раз чуть позже или войдите другим способом.',
    errProviderFailed:
      'Не удалось войти через {name}. Попробуйте ещё раз или войдите другим способом.',
    errProviderCancelled: 'Вход через {name} отменён.',
    errProviderEmail:
      '{name} не подтвердил адрес электронной почты вашего аккаунта, поэтому войти так здесь нельзя. Войдите другим способом.',
    expiredTitle: 'Не удалось завершить вход',
    errExpired:
      'Срок этого входа истёк, или он уже использован. Вернитесь в магазин и начните заново.',
  },
  'pt-BR': {
    continueWith: 'Continuar com {name}',
    or: 'ou',
    errProviderUnknown: 'Esta forma de entrar não está disponível nesta loja.',
    errProviderUnavailable:
      'Não foi possível contatar {name} agora. Tente novamente em instantes ou entre de outra forma.',
    errProviderFailed:
      'Não foi possível entrar com {name}. Tente novamente ou entre de outra forma.',
    errProviderCancelled: 'A entrada com {name} foi cancelada.',
    errProviderEmail:
      '{name} não confirmou um endereço de e-mail da sua conta, então não pode fazer você entrar aqui. Entre de outra forma.',
    expiredTitle: 'Não foi possível concluir a entrada',
    errExpired: 'Esta entrada expirou ou já foi usada. Volte à loja e comece de novo.',
  },
  ar: {
    continueWith: 'المتابعة باستخدام {name}',
    or: 'أو',
    errProviderUnknown: 'طريقة تسجيل الدخول هذه غير متاحة في هذا المتجر.',
    errProviderUnavailable:
      'تعذّر الوصول إلى {name} الآن. حاول مرة أخرى بعد قليل أو سجّل الدخول بطريقة أخرى.',
    errProviderFailed:
      'لم ينجح تسجيل الدخول باستخدام {name}. حاول مرة أخرى أو سجّل الدخول بطريقة أخرى.',
    errProviderCancelled: 'أُلغي تسجيل الدخول باستخدام {name}.',
    errProviderEmail:
      'لم يؤكد {name} عنوان بريد إلكتروني لحسابك، لذا لا يمكنه تسجيل دخولك هنا. يُرجى تسجيل الدخول بطريقة أخرى.',
    expiredTitle: 'تعذّر إكمال تسجيل الدخول',
    errExpired: 'انتهت صلاحية تسجيل الدخول هذا أو سبق استخدامه. ارجع إلى المتجر وابدأ من جديد.',
  },
};
