import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), zh-CN. */
export default {
  heading: {
    boughtTogether: '经常一起购买',
    boughtWith: '经常与{{title}}一起购买',
    similar: '相似商品',
    similarTo: '与{{title}}相似',
    forYou: '为你精选',
    popular: '{{currency}} 热销',
    recentlyViewed: '最近浏览',
  },
  empty: '暂无推荐。',
  emptyViewed: '你浏览过的商品会显示在这里。',
  loadFailed: '无法加载推荐。',
} satisfies Bundle;
