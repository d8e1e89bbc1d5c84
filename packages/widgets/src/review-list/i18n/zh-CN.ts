import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-review-list> strings ("review-list" namespace), zh-CN. */
export default {
  heading: '顾客评价',
  starCount_other: '{{formatted}} 星',
  reviewCount_other: '{{formatted}} 条评价',
  rated: '评分 {{rating}}（满分 5 分）',
  summary: {
    average: '{{rating}} / 5',
    histogram: '按评分筛选',
    bar: '{{stars}}：{{reviews}}（{{percent}}）',
  },
  sort: {
    label: '排序方式',
    recent: '最新',
    helpful: '最有帮助',
    rating_desc: '评分从高到低',
    rating_asc: '评分从低到高',
  },
  filter: {
    active: '正在显示 {{stars}} 评价',
    clear: '显示全部评价',
    none: '还没有 {{stars}} 评价。',
  },
  review: {
    verified: '已验证购买',
    incentivized: '获赠免费商品',
    replyHeading: '商家回复',
    helpful: '有帮助',
    helpfulCount_other: '{{formatted}} 人觉得有帮助',
    voteFailed: '无法保存你的投票。',
    ownReview: '不能给自己的评价投票。',
  },
  more: '显示更多评价',
  loadingMore: '正在加载更多评价…',
  moreFailed: '无法加载更多评价。',
  shown: '已显示 {{shown}} / {{total}}',
  empty: '还没有评价——来写第一条吧',
  unavailable: '该商品不可用',
  unavailableHint: '它可能已下架，或链接有误。',
  loadFailed: '无法加载评价。',
  signInHint: '登录后即可撰写评价并为评价投票。',
  signIn: '登录',
  write: '撰写评价',
  formFailed: '无法加载评价表单。请检查网络连接后重试。',
  own: {
    heading: '你的评价',
    edit: '编辑你的评价',
    edited: '编辑于 {{date}}',
    loadFailed: '无法加载你的评价。',
    status: {
      pending: '等待审核',
      pendingHint: '商家审核通过后，其他顾客就能看到你的评价。',
      rejected: '未发布',
      rejectedHint: '商家未发布这条评价。你可以修改后重新提交。',
    },
  },
  thanks: {
    pending: '谢谢——你的评价审核通过后即会显示。',
    published: '谢谢——你的评价已发布。',
  },
} satisfies Bundle;
