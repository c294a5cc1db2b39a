/** The admin's link to the CCRT categories (in the main chunk's navigation; the page is in the record chunk). */
export const ccrtCategoriesNav = { to: '/admin/ccrt-categories', label: 'CCRT categories' };
