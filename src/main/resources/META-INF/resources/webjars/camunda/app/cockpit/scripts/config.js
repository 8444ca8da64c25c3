// Cockpit as the product configures it: UK dates and times, the plugin "Programme" (README, "The programme in
// Cockpit") and, for administrators, the plugin "Migrations" (README, "Moving running relationships to a new
// version"). This file replaces the webapp's own config.js.
export default {
  customScripts: ['programme/plugin', 'migrations/plugin'],
  // moment.js formats: 2 March 2026 09:00, not March 2, 2026 9:00 AM
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'D MMMM YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm:ss',
    short: 'D MMMM YYYY'
  }
};
