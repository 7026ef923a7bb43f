/** `/ProfitRestServices…` or `/{env}/ProfitRestServices…`, in any case: a call meant for the Profit surface. */
const PROFIT_URL = /^\/(?:[^/?]*\/)?profitrestservices(?:[/?]|$)/i;

export const isProfitUrl = (url: string | undefined): boolean => url !== undefined && PROFIT_URL.test(url);
