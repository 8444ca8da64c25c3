package org.tandem.contracting;

/** How sessions are held (CON-1). */
public enum SessionFormat {
  VIRTUAL,
  HYBRID,
  IN_PERSON;

  /** Virtual and hybrid sessions need the cameras and platform agreed (CON-1). */
  boolean usesCameras() {
    return this != IN_PERSON;
  }
}
