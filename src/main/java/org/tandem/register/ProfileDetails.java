package org.tandem.register;

import java.util.Set;
import org.tandem.contracting.SessionFormat;

/** What a coach or mentor keeps up to date on their profile themselves (REG-3). */
record ProfileDetails(String phone, String organisation, Qualification qualification,
    String qualificationDetails, boolean trainedSupervisor, boolean chargesFees, String fees,
    Set<Specialism> specialisms, Set<SessionFormat> formats, Set<String> locations, Integer capacity) {
}
