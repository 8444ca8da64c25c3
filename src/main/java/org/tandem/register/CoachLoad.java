package org.tandem.register;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.relationship.RelationshipClosed;
import org.tandem.relationship.RelationshipOpened;

/** Keeps each coach's current load on their profile as relationships open and close (MAT-2: capacity left). */
@Component
class CoachLoad {

  private final ProfileRepository profiles;

  CoachLoad(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  @EventListener
  void opened(RelationshipOpened event) {
    profiles.adjustLoad(event.coachId(), 1);
  }

  @EventListener
  void closed(RelationshipClosed event) {
    profiles.adjustLoad(event.coachId(), -1);
  }
}
