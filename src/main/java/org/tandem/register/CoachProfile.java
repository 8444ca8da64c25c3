package org.tandem.register;

import java.time.Instant;
import java.util.Set;
import org.tandem.contracting.SessionFormat;

/**
 * A coach's or mentor's profile (REG-3) with contact details and organisation.
 *
 * @param capacity how many clients they take on at once
 * @param coachLapsed short of CPD evidence as a coach (REG-2): not matched for coaching until it is recorded
 */
public record CoachProfile(String userId, String firstName, String lastName, String email, String phone,
    String organisation, boolean coach, boolean mentor, Qualification qualification, String qualificationDetails,
    boolean interviewPassed, boolean trainedSupervisor, boolean chargesFees, String fees,
    Set<Specialism> specialisms, Set<SessionFormat> formats, Set<String> locations, int capacity,
    ProfileStatus status, boolean coachLapsed, Instant appliedAt, Instant listedAt, String statusReason) {

  public String displayName() {
    return firstName + " " + lastName;
  }
}
