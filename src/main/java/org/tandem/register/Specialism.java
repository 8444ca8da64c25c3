package org.tandem.register;

/** What a coach or mentor offers to work on, and what a client may ask for (REG-3, MAT-1). */
public enum Specialism {
  LEADERSHIP,
  CAREER_DEVELOPMENT,
  CONFIDENCE,
  WELLBEING,
  CHANGE,
  TEAMS,
  CONFLICT,
  PERFORMANCE,
  TRANSITIONS,
  INCLUSION,
  CLINICAL_PRACTICE
}
