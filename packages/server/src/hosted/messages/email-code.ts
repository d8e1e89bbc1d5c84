import type { Messages } from '../i18n.js';

/** Texts of the emailed-code sign-in: its part of the sign-in page, its pages and its mail. */
export type EmailCodeKey =
  | 'or'
  | 'emailCodeSubmit'
  | 'forgotPassword'
  | 'resetTitle'
  | 'resetIntro'
  | 'resetSubmit'
  | 'codeTitle'
  | 'codeSent'
  | 'code'
  | 'codeHint'
  | 'codeSubmit'
  | 'newPassword'
  | 'setPasswordSubmit'
  | 'errCode'
  | 'errLink'
  | 'errEmailCodeOff'
  | 'errMailFailed'
  | 'mailSubject'
  | 'mailResetSubject'
  | 'mailIntro'
  | 'mailResetIntro'
  | 'mailLink'
  | 'mailExpiry'
  | 'mailIgnore';

export const emailCodeMessages: Messages<EmailCodeKey> = {
  en: {
    or: 'or',
    emailCodeSubmit: 'Email me a sign-in code',
    forgotPassword: 'Forgot password?',
    resetTitle: 'Reset your password',
    resetIntro: 'Enter your email: we will send a code to set a new password.',
    resetSubmit: 'Email me a code',
    codeTitle: 'Enter your code',
    codeSent: 'If this address can sign in, we sent a code to {email}. It works for 10 minutes.',
    code: '6-digit code',
    codeHint: 'Or open the link in the mail.',
    codeSubmit: 'Sign in',
    newPassword: 'New password',
    setPasswordSubmit: 'Set password and sign in',
    errCode: 'This code is not correct, has expired or was already used.',
    errLink:
      'This link has expired or was already used. Go back to the shop and ask for a new code.',
    errEmailCodeOff: 'This shop does not offer emailed codes.',
    errMailFailed: 'We could not send the mail. Please try again in a moment.',
    mailSubject: '{code} is your {store} sign-in code',
    mailResetSubject: '{code} is your {store} password reset code',
    mailIntro: 'Your code to sign in to {store}:',
    mailResetIntro: 'Your code to set a new {store} password:',
    mailLink: 'Or open this link:',
    mailExpiry: 'The code and the link work once, for 10 minutes.',
    mailIgnore: 'If you did not ask for this, ignore this mail: nothing changes.',
  },
  'zh-CN': {
    or: '或',
    emailCodeSubmit: '通过邮件发送登录验证码',
    forgotPassword: '忘记密码？',
    resetTitle: '重置密码',
    resetIntro: '输入您的邮箱：我们将发送一个验证码，用于设置新密码。',
    resetSubmit: '发送验证码',
    codeTitle: '输入验证码',
    codeSent: '如果此地址可以登录，我们已向 {email} 发送验证码。验证码 10 分钟内有效。',
    code: '6 位验证码',
    codeHint: '或打开邮件中的链接。',
    codeSubmit: '登录',
    newPassword: '新密码',
    setPasswordSubmit: '设置密码并登录',
    errCode: '验证码不正确、已过期或已被使用。',
    errLink: '此链接已过期或已被使用。请返回商店重新获取验证码。',
    errEmailCodeOff: '本店不提供邮件验证码。',
    errMailFailed: '邮件发送失败，请稍后再试。',
    mailSubject: '{code} 是您的 {store} 登录验证码',
    mailResetSubject: '{code} 是您的 {store} 密码重置验证码',
    mailIntro: '您登录 {store} 的验证码：',
    mailResetIntro: '您设置 {store} 新密码的验证码：',
    mailLink: '或打开此链接：',
    mailExpiry: '验证码和链接仅可使用一次，10 分钟内有效。',
    mailIgnore: '如果这不是您的操作，请忽略此邮件：不会有任何变化。',
  },
  es: {
    or: 'o',
    emailCodeSubmit: 'Enviarme un código por correo',
    forgotPassword: '¿Olvidaste tu contraseña?',
    resetTitle: 'Restablece tu contraseña',
    resetIntro: 'Escribe tu correo: te enviaremos un código para crear una contraseña nueva.',
    resetSubmit: 'Enviarme un código',
    codeTitle: 'Escribe tu código',
    codeSent:
      'Si esta dirección puede iniciar sesión, enviamos un código a {email}. Vale durante 10 minutos.',
    code: 'Código de 6 dígitos',
    codeHint: 'O abre el enlace del correo.',
    codeSubmit: 'Iniciar sesión',
    newPassword: 'Contraseña nueva',
    setPasswordSubmit: 'Guardar contraseña e iniciar sesión',
    errCode: 'Este código no es correcto, ha caducado o ya se usó.',
    errLink: 'Este enlace ha caducado o ya se usó. Vuelve a la tienda y pide un código nuevo.',
    errEmailCodeOff: 'Esta tienda no ofrece códigos por correo.',
    errMailFailed: 'No pudimos enviar el correo. Inténtalo de nuevo en un momento.',
    mailSubject: '{code} es tu código para iniciar sesión en {store}',
    mailResetSubject: '{code} es tu código para restablecer la contraseña de {store}',
    mailIntro: 'Tu código para iniciar sesión en {store}:',
    mailResetIntro: 'Tu código para crear una contraseña nueva en {store}:',
    mailLink: 'O abre este enlace:',
    mailExpiry: 'El código y el enlace funcionan una vez, durante 10 minutos.',
    mailIgnore: 'Si no lo pediste, ignora este correo: no cambia nada.',
  },
  fr: {
    or: 'ou',
    emailCodeSubmit: 'Recevoir un code par e-mail',
    forgotPassword: 'Mot de passe oublié ?',
    resetTitle: 'Réinitialiser votre mot de passe',
    resetIntro:
      'Saisissez votre e-mail : nous enverrons un code pour choisir un nouveau mot de passe.',
    resetSubmit: 'Recevoir un code',
    codeTitle: 'Saisissez votre code',
    codeSent:
      'Si cette adresse peut se connecter, nous avons envoyé un code à {email}. Il est valable 10 minutes.',
    code: 'Code à 6 chiffres',
    codeHint: 'Ou ouvrez le lien de l’e-mail.',
    codeSubmit: 'Se connecter',
    newPassword: 'Nouveau mot de passe',
    setPasswordSubmit: 'Enregistrer et se connecter',
    errCode: 'Ce code est incorrect, a expiré ou a déjà servi.',
    errLink: 'Ce lien a expiré ou a déjà servi. Revenez à la boutique et demandez un nouveau code.',
    errEmailCodeOff: 'Cette boutique ne propose pas de code par e-mail.',
    errMailFailed: 'L’e-mail n’a pas pu être envoyé. Réessayez dans un instant.',
    mailSubject: '{code} est votre code de connexion à {store}',
    mailResetSubject: '{code} est votre code de réinitialisation pour {store}',
    mailIntro: 'Votre code pour vous connecter à {store} :',
    mailResetIntro: 'Votre code pour choisir un nouveau mot de passe {store} :',
    mailLink: 'Ou ouvrez ce lien :',
    mailExpiry: 'Le code et le lien servent une fois, pendant 10 minutes.',
    mailIgnore: 'Si vous n’avez rien demandé, ignorez cet e-mail : rien ne change.',
  },
  de: {
    or: 'oder',
    emailCodeSubmit: 'Anmeldecode per E-Mail senden',
    forgotPassword: 'Passwort vergessen?',
    resetTitle: 'Passwort zurücksetzen',
    resetIntro: 'Geben Sie Ihre E-Mail-Adresse ein: Wir senden einen Code für ein neues Passwort.',
    resetSubmit: 'Code senden',
    codeTitle: 'Code eingeben',
    codeSent:
      'Wenn sich diese Adresse anmelden kann, haben wir einen Code an {email} gesendet. Er gilt 10 Minuten.',
    code: '6-stelliger Code',
    codeHint: 'Oder öffnen Sie den Link in der E-Mail.',
    codeSubmit: 'Anmelden',
    newPassword: 'Neues Passwort',
    setPasswordSubmit: 'Passwort speichern und anmelden',
    errCode: 'Dieser Code ist falsch, abgelaufen oder wurde schon verwendet.',
    errLink:
      'Dieser Link ist abgelaufen oder wurde schon verwendet. Kehren Sie zum Shop zurück und fordern Sie einen neuen Code an.',
    errEmailCodeOff: 'Dieser Shop bietet keine Codes per E-Mail an.',
    errMailFailed:
      'Die E-Mail konnte nicht gesendet werden. Bitte versuchen Sie es gleich noch einmal.',
    mailSubject: '{code} ist Ihr Anmeldecode für {store}',
    mailResetSubject: '{code} ist Ihr Code zum Zurücksetzen des Passworts für {store}',
    mailIntro: 'Ihr Code für die Anmeldung bei {store}:',
    mailResetIntro: 'Ihr Code für ein neues Passwort bei {store}:',
    mailLink: 'Oder öffnen Sie diesen Link:',
    mailExpiry: 'Code und Link funktionieren einmal, 10 Minuten lang.',
    mailIgnore:
      'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Es ändert sich nichts.',
  },
  ru: {
    or: 'или',
    emailCodeSubmit: 'Прислать код для входа на почту',
    forgotPassword: 'Забыли пароль?',
    resetTitle: 'Сброс пароля',
    resetIntro: 'Введите адрес почты: мы пришлём код, чтобы задать новый пароль.',
    resetSubmit: 'Прислать код',
    codeTitle: 'Введите код',
    codeSent:
      'Если с этим адресом можно войти, мы отправили код на {email}. Код действует 10 минут.',
    code: 'Код из 6 цифр',
    codeHint: 'Или откройте ссылку из письма.',
    codeSubmit: 'Войти',
    newPassword: 'Новый пароль',
    setPasswordSubmit: 'Сохранить пароль и войти',
    errCode: 'Код неверный, истёк или уже использован.',
    errLink: 'Ссылка истекла или уже использована. Вернитесь в магазин и запросите новый код.',
    errEmailCodeOff: 'Этот магазин не присылает коды по почте.',
    errMailFailed: 'Не удалось отправить письмо. Попробуйте ещё раз через минуту.',
    mailSubject: '{code} — ваш код для входа в {store}',
    mailResetSubject: '{code} — ваш код для сброса пароля в {store}',
    mailIntro: 'Ваш код для входа в {store}:',
    mailResetIntro: 'Ваш код, чтобы задать новый пароль в {store}:',
    mailLink: 'Или откройте ссылку:',
    mailExpiry: 'Код и ссылка работают один раз, 10 минут.',
    mailIgnore: 'Если вы ничего не запрашивали, просто проигнорируйте письмо: ничего не изменится.',
  },
  'pt-BR': {
    or: 'ou',
    emailCodeSubmit: 'Receber um código por e-mail',
    forgotPassword: 'Esqueceu a senha?',
    resetTitle: 'Redefinir sua senha',
    resetIntro: 'Digite seu e-mail: enviaremos um código para criar uma nova senha.',
    resetSubmit: 'Receber um código',
    codeTitle: 'Digite seu código',
    codeSent:
      'Se este endereço pode entrar, enviamos um código para {email}. Ele vale por 10 minutos.',
    code: 'Código de 6 dígitos',
    codeHint: 'Ou abra o link do e-mail.',
    codeSubmit: 'Entrar',
    newPassword: 'Nova senha',
    setPasswordSubmit: 'Salvar senha e entrar',
    errCode: 'Este código está incorreto, expirou ou já foi usado.',
    errLink: 'Este link expirou ou já foi usado. Volte à loja e peça um novo código.',
    errEmailCodeOff: 'Esta loja não oferece códigos por e-mail.',
    errMailFailed: 'Não conseguimos enviar o e-mail. Tente de novo em instantes.',
    mailSubject: '{code} é seu código para entrar em {store}',
    mailResetSubject: '{code} é seu código para redefinir a senha de {store}',
    mailIntro: 'Seu código para entrar em {store}:',
    mailResetIntro: 'Seu código para criar uma nova senha em {store}:',
    mailLink: 'Ou abra este link:',
    mailExpiry: 'O código e o link funcionam uma vez, por 10 minutos.',
    mailIgnore: 'Se você não pediu isso, ignore este e-mail: nada muda.',
  },
  ar: {
    or: 'أو',
    emailCodeSubmit: 'أرسل لي رمز تسجيل الدخول بالبريد',
    forgotPassword: 'نسيت كلمة المرور؟',
    resetTitle: 'إعادة تعيين كلمة المرور',
    resetIntro: 'أدخل بريدك الإلكتروني: سنرسل رمزًا لتعيين كلمة مرور جديدة.',
    resetSubmit: 'أرسل لي رمزًا',
    codeTitle: 'أدخل الرمز',
    codeSent:
      'إذا كان بإمكان هذا العنوان تسجيل الدخول، فقد أرسلنا رمزًا إلى {email}. الرمز صالح لمدة 10 دقائق.',
    code: 'رمز من 6 أرقام',
    codeHint: 'أو افتح الرابط الموجود في الرسالة.',
    codeSubmit: 'تسجيل الدخول',
    newPassword: 'كلمة مرور جديدة',
    setPasswordSubmit: 'حفظ كلمة المرور وتسجيل الدخول',
    errCode: 'هذا الرمز غير صحيح أو منتهي الصلاحية أو مستخدم من قبل.',
    errLink: 'هذا الرابط منتهي الصلاحية أو مستخدم من قبل. ارجع إلى المتجر واطلب رمزًا جديدًا.',
    errEmailCodeOff: 'هذا المتجر لا يوفر رموزًا بالبريد الإلكتروني.',
    errMailFailed: 'تعذّر إرسال الرسالة. يُرجى المحاولة مرة أخرى بعد قليل.',
    mailSubject: '{code} هو رمز تسجيل الدخول إلى {store}',
    mailResetSubject: '{code} هو رمز إعادة تعيين كلمة مرور {store}',
    mailIntro: 'رمزك لتسجيل الدخول إلى {store}:',
    mailResetIntro: 'رمزك لتعيين كلمة مرور جديدة في {store}:',
    mailLink: 'أو افتح هذا الرابط:',
    mailExpiry: 'يعمل الرمز والرابط مرة واحدة، لمدة 10 دقائق.',
    mailIgnore: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يتغير شيء.',
  },
};
