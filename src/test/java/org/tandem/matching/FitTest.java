package org.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.contracting.SessionFormat;
import org.tandem.register.CoachProfile;
import org.tandem.register.ProfileStatus;
import org.tandem.register.Qualification;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;

class FitTest {

  @Test
  @DisplayName("MAT-2 the ranking explains itself in the client's terms")
  void reasons() {
    CoachingRequest request = EligibleCoachesTest.request(Kind.COACHING, Specialism.CAREER_DEVELOPMENT,
        SessionFormat.VIRTUAL, "leeds", null, Set.of());

    assertThat(Fit.reasons(request, true, false, true, 1, 4)).containsExactly(
        "offers your specialism: career development", "does not offer virtual sessions", "works in Leeds",
        "has 1 of 4 clients at the moment");
    assertThat(Fit.reasons(EligibleCoachesTest.coaching(), false, false, false, 0, 2))
        .containsExactly("has no clients at the moment");
  }

  @Test
  @DisplayName("MAT-2 a specialism outweighs format or location alone; a full load costs two points")
  void weights() {
    assertThat(Fit.score(true, false, false, 0, 3)).isGreaterThan(Fit.score(false, true, false, 0, 3));
    assertThat(Fit.score(false, true, true, 0, 3)).isGreaterThan(Fit.score(true, false, false, 0, 3));
    assertThat(Fit.score(false, false, false, 2, 2)).isEqualTo(-2);
    assertThat(Fit.score(false, false, false, 1, 2)).isEqualTo(-1);
  }

  @Test
  @DisplayName("MAT-2 the client reads each coach's profile summary as plain sentences")
  void summary() {
    CoachProfile profile = new CoachProfile("colin", "Colin", "Marsh", "colin@example.org", null, "Acme Trust",
        true, true, Qualification.ILM_LEVEL_7, null, false, true, true, "£90 an hour",
        EnumSet.of(Specialism.LEADERSHIP, Specialism.CAREER_DEVELOPMENT),
        EnumSet.of(SessionFormat.VIRTUAL, SessionFormat.IN_PERSON), Set.of("west bromwich"), 3,
        ProfileStatus.LISTED, false, null, null, null);

    assertThat(MatchingService.summary(profile)).isEqualTo("Coach and mentor at Acme Trust. "
        + "Qualification: ILM Level 7, trained supervisor. Specialisms: leadership, career development. "
        + "Offers virtual or in-person sessions in West Bromwich. Charges fees: £90 an hour.");
    assertThat(MatchingService.alternatives(List.of("virtual", "hybrid", "in-person")))
        .isEqualTo("virtual, hybrid or in-person");
  }
}
