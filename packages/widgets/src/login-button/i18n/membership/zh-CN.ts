import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), zh-CN. */
export default {
  back: '返回',
  noTier: '暂无等级',
  fromPoints_other: '来自您累计的 {{n}} 积分',
  fromPlan: '来自您的付费会员，有效期至 {{date}}',
  plan: '您的付费会员（{{tier}}）有效期至 {{date}}',
  perks: '您的权益',
  noPerks: '暂无权益。',
  perk: {
    percentOff: '会员价优惠 {{percent}}',
    multiplier: '订单积分 {{n}} 倍',
    freeShipping: '所有订单免运费',
    freeShippingOver: '订单满 {{amount}} 免运费',
    freeShippingSome: '订单满一定金额免运费',
    birthday_other: '生日礼物：{{n}} 积分',
  },
  error: {
    load: '无法加载您的会员信息。',
  },
} satisfies Bundle;
