// Admin as the product configures it: UK dates and times. This file replaces the webapp's own config.js.
export default {
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'D MMMM YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm:ss',
    short: 'D MMMM YYYY'
  }
};
