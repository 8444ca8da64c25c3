package org.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.contracting.SessionFormat;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;
import org.tandem.support.ProductDatabase;
import org.tandem.support.RegisterFixtures;

/** MAT-2 against the product's schema on a fresh database: no Spring, no engine. */
class EligibleCoachesTest {

  JdbcClient jdbc;
  RegisterFixtures register;
  EligibleCoaches eligible;

  @BeforeEach
  void database() {
    jdbc = ProductDatabase.fresh();
    register = new RegisterFixtures(jdbc);
    eligible = new EligibleCoaches(jdbc);
  }

  static CoachingRequest request(Kind kind, Specialism specialism, SessionFormat format, String location,
      String sponsor, Set<String> lineManagers) {
    return new CoachingRequest("Q-000001", "client", kind, "Lead better", null, format, location, specialism,
        "Trust", sponsor, lineManagers, CoachingRequest.Status.OPEN, 0, null, Instant.now());
  }

  static CoachingRequest coaching() {
    return request(Kind.COACHING, null, null, null, null, Set.of());
  }

  private List<String> shortlist(CoachingRequest request, Set<String> excluded, int size) {
    return eligible.rank(request, excluded, size).stream().map(EligibleCoaches.Ranked::coachId).toList();
  }

  @Test
  @DisplayName("MAT-2 only coaches listed on the register are offered: not applied, refused, suspended or removed")
  void only_listed() {
    register.profile("listed").save();
    register.profile("applied").status("APPLIED").save();
    register.profile("refused").status("REFUSED").save();
    register.profile("suspended").status("SUSPENDED").save();
    register.profile("removed").status("REMOVED").save();

    assertThat(shortlist(coaching(), Set.of(), 10)).containsExactly("listed");
  }

  @Test
  @DisplayName("MAT-2 REG-2 a coach lapsed for CPD is not offered for coaching, but still for mentoring")
  void lapsed_coach() {
    register.profile("lapsed").alsoMentor().lapsed().save();

    assertThat(shortlist(coaching(), Set.of(), 10)).isEmpty();
    assertThat(shortlist(request(Kind.MENTORING, null, null, null, null, Set.of()), Set.of(), 10))
        .containsExactly("lapsed");
  }

  @Test
  @DisplayName("MAT-2 the right kind: coaches for coaching, mentors for mentoring")
  void right_kind() {
    register.profile("coach").save();
    register.profile("mentor").mentorOnly().save();
    register.profile("both").alsoMentor().save();

    assertThat(shortlist(coaching(), Set.of(), 10)).containsExactlyInAnyOrder("coach", "both");
    assertThat(shortlist(request(Kind.MENTORING, null, null, null, null, Set.of()), Set.of(), 10))
        .containsExactlyInAnyOrder("mentor", "both");
  }

  @Test
  @DisplayName("MAT-2 a coach with no capacity left is not offered; closed relationships do not count")
  void capacity_left() {
    register.profile("full").capacity(2).save();
    register.relationship("full", "a", "ACTIVE", null);
    register.relationship("full", "b", "CONTRACTING", null);
    register.profile("free").capacity(2).save();
    register.relationship("free", "c", "ACTIVE", null);
    register.relationship("free", "d", "CLOSED", null);
    register.profile("none").capacity(0).save();

    assertThat(shortlist(coaching(), Set.of(), 10)).containsExactly("free");
  }

  @Test
  @DisplayName("MAT-2 no conflict of interest: not the client's sponsor, not in their line of management")
  void not_sponsor_or_line_management() {
    register.profile("sponsor").save();
    register.profile("manager").save();
    register.profile("stranger").save();

    assertThat(shortlist(request(Kind.COACHING, null, null, null, "sponsor", Set.of("manager")), Set.of(), 10))
        .containsExactly("stranger");
  }

  @Test
  @DisplayName("MAT-2 END-2 not a coach the client ended a relationship with for a conflict of interest")
  void not_after_conflict_of_interest() {
    register.profile("conflicted").save();
    register.profile("ended").save();
    register.relationship("conflicted", "client", "CLOSED", "CONFLICT_OF_INTEREST");
    register.relationship("ended", "client", "CLOSED", "SKILLS_DO_NOT_FIT");

    assertThat(shortlist(coaching(), Set.of(), 10)).containsExactly("ended");
  }

  @Test
  @DisplayName("MAT-3 a coach who declined or did not answer is not offered again for the same request")
  void not_offered_again() {
    register.profile("declined").save();
    register.profile("other").save();

    assertThat(shortlist(coaching(), Set.of("declined"), 10)).containsExactly("other");
  }

  @Test
  @DisplayName("MAT-2 ranked by fit: the specialism counts most, then format and location; the load counts against")
  void ranked_by_fit() {
    register.profile("specialist").specialisms("LEADERSHIP").save();
    register.profile("local").inPersonOnly().locations("coventry").save();
    register.profile("busy").specialisms("LEADERSHIP").inPersonOnly().locations("coventry").capacity(2).save();
    register.relationship("busy", "x", "ACTIVE", null);
    register.profile("plain").save();

    CoachingRequest request = request(Kind.COACHING, Specialism.LEADERSHIP, SessionFormat.IN_PERSON, "coventry",
        null, Set.of());
    List<EligibleCoaches.Ranked> ranked = eligible.rank(request, Set.of(), 10);

    assertThat(ranked).extracting(EligibleCoaches.Ranked::coachId)
        .containsExactly("busy", "local", "specialist", "plain");
    assertThat(ranked).extracting(EligibleCoaches.Ranked::score).containsExactly(
        Fit.score(true, true, true, 1, 2), Fit.score(false, true, true, 0, 3), Fit.score(true, false, false, 0, 3),
        Fit.score(false, false, false, 0, 3));
  }

  @Test
  @DisplayName("MAT-2 between equal fits the coach with fewer clients comes first")
  void lighter_load_first() {
    register.profile("b-two").capacity(4).save();
    register.relationship("b-two", "x", "ACTIVE", null);
    register.relationship("b-two", "y", "ACTIVE", null);
    register.profile("a-one").capacity(4).save();
    register.relationship("a-one", "z", "ACTIVE", null);

    assertThat(shortlist(coaching(), Set.of(), 10)).containsExactly("a-one", "b-two");
  }

  @Test
  @DisplayName("MAT-2 the shortlist holds the configured number, the best first")
  void shortlist_size() {
    for (int i = 1; i <= 5; i++) {
      register.profile("coach" + i).save();
    }
    assertThat(shortlist(coaching(), Set.of(), 3)).containsExactly("coach1", "coach2", "coach3");
  }
}
