package org.tandem.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.PartyVariables;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.People;
import org.tandem.identity.Roles;
import org.tandem.privacy.ConsentService;
import org.tandem.register.CoachProfile;
import org.tandem.register.RegisterService;
import org.tandem.common.NotFoundException;

/** Requests for coaching or mentoring and their matching (MAT-1..3). */
@Service
class MatchingService {

  /** The most coaches a coordinator is offered to match a request with by hand. */
  static final int HAND_CANDIDATES = 50;

  /** A client's request as they submit it, before anything is kept. */
  public record RequestForm(String clientId, boolean consentGiven, String kind, String developmentNeed,
      String draftGoals, String preferredFormat, String preferredLocation, String preferredSpecialism,
      String organisation, String sponsorId, Set<String> lineManagers) {
  }

  private final RequestRepository requests;
  private final EligibleCoaches eligible;
  private final ConsentService consents;
  private final People people;
  private final RegisterService register;
  private final MatchingSettings settings;

  MatchingService(RequestRepository requests, EligibleCoaches eligible, ConsentService consents, People people,
      RegisterService register, MatchingSettings settings) {
    this.requests = requests;
    this.eligible = eligible;
    this.consents = consents;
    this.people = people;
    this.register = register;
    this.settings = settings;
  }

  /**
   * MAT-1, DP-1: the client's consent comes first; without it nothing at all is kept. Then the request is checked
   * and kept.
   */
  @Transactional
  public CoachingRequest request(RequestForm form) {
    if (!form.consentGiven()) {
      throw new InvalidInputException("consent",
          "Give your consent to the processing of your personal data; without it nothing is kept.");
    }
    CoachingRequest request = RequestRules.check(form, people);
    long consent = consents.record(form.clientId(), ConsentService.Purpose.COACHING_REQUEST);
    CoachingRequest kept = new CoachingRequest(requests.nextId(), request.clientId(), request.kind(),
        request.developmentNeed(), request.draftGoals(), request.preferredFormat(), request.preferredLocation(),
        request.preferredSpecialism(), request.organisation(), request.sponsorId(), request.lineManagers(),
        CoachingRequest.Status.OPEN, 0, null, EngineTime.now());
    requests.insert(kept, consent);
    return kept;
  }

  public Optional<CoachingRequest> find(String requestId) {
    return requests.find(requestId);
  }

  public List<CoachingRequest> ofClient(String clientId) {
    return requests.ofClient(clientId);
  }

  /** MAT-2: the best eligible coaches for a request, never one who already declined it or let it lapse. */
  public List<Candidate> shortlist(String requestId) {
    CoachingRequest request = existing(requestId);
    Set<String> offered = requests.offers(requestId).stream().map(RequestRepository.Offer::coachId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return eligible.rank(request, offered, settings.shortlistSize()).stream()
        .map(ranked -> candidate(request, ranked)).toList();
  }

  /** MAT-3: whom a coordinator may match a request with by hand, the best fit first, with why each fits. */
  public List<Candidate> handCandidates(String requestId) {
    CoachingRequest request = existing(requestId);
    return eligible.forHandMatch(request, HAND_CANDIDATES).stream()
        .map(ranked -> candidate(request, ranked)).toList();
  }

  private Candidate candidate(CoachingRequest request, EligibleCoaches.Ranked ranked) {
    return new Candidate(ranked.coachId(), ranked.firstName() + " " + ranked.lastName(), ranked.organisation(),
        summary(ranked.coachId()), ranked.score(), Fit.reasons(request, ranked.specialism(), ranked.format(),
            ranked.location(), ranked.active(), ranked.capacity()));
  }

  private String summary(String coachId) {
    return register.find(coachId).map(MatchingService::summary).orElse("");
  }

  static String summary(CoachProfile profile) {
    String roles = profile.coach() && profile.mentor() ? "Coach and mentor" : profile.coach() ? "Coach" : "Mentor";
    StringBuilder text = new StringBuilder(roles).append(" at ").append(profile.organisation()).append(". ");
    text.append("Qualification: ").append(qualification(profile.qualification()));
    if (profile.interviewPassed()) {
      text.append(", competency interview passed");
    }
    if (profile.trainedSupervisor()) {
      text.append(", trained supervisor");
    }
    text.append(". ");
    if (!profile.specialisms().isEmpty()) {
      text.append("Specialisms: ").append(profile.specialisms().stream().map(s -> words(s.name()))
          .collect(Collectors.joining(", "))).append(". ");
    }
    text.append("Offers ").append(alternatives(profile.formats().stream()
        .map(f -> words(f.name()).replace("in person", "in-person")).toList())).append(" sessions");
    if (!profile.locations().isEmpty()) {
      text.append(" in ").append(profile.locations().stream().sorted().map(MatchingService::place)
          .collect(Collectors.joining(", ")));
    }
    text.append(". ").append(profile.chargesFees() ? "Charges fees: " + profile.fees() + "." : "Charges no fees.");
    return text.toString();
  }

  /** "virtual", "virtual or hybrid", "virtual, hybrid or in-person". */
  static String alternatives(java.util.List<String> choices) {
    if (choices.size() < 2) {
      return String.join("", choices);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
  }

  private static String words(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String qualification(org.tandem.register.Qualification qualification) {
    return switch (qualification) {
      case ILM_LEVEL_7 -> "ILM Level 7";
      case ILM_LEVEL_5 -> "ILM Level 5";
      case EQUIVALENT -> "equivalent to ILM Level 5 or above";
      case IN_TRAINING -> "in training";
      case NONE -> "none";
    };
  }

  /** A place as people write it: "west bromwich" becomes "West Bromwich". */
  static String place(String location) {
    StringBuilder text = new StringBuilder();
    for (String word : location.split(" ")) {
      if (!word.isEmpty()) {
        text.append(text.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
            .append(word.substring(1));
      }
    }
    return text.toString();
  }

  /** CON-5: whom a client may name as their sponsor: the sponsors, not the client. */
  public List<People.Person> sponsorsFor(String requestId) {
    CoachingRequest request = existing(requestId);
    return people.withRole(Roles.SPONSORS).stream()
        .filter(person -> !person.id().equals(request.clientId())).toList();
  }

  /**
   * MAT-3, CON-5: the client chooses a coach from their shortlist, nobody else, and names their sponsor from the
   * sponsors, or none; the sponsor cannot be the chosen coach.
   */
  @Transactional
  public void choose(String requestId, String coachId, List<String> shortlist, String sponsorId) {
    CoachingRequest request = existing(requestId);
    String sponsor = RequestRules.sponsor(sponsorId, request.clientId(), people);
    if (sponsor != null && sponsor.equals(coachId)) {
      throw new InvalidInputException(MatchingVariables.SPONSOR_ID,
          "Your sponsor cannot be the coach or mentor you choose.");
    }
    if (coachId == null || coachId.isBlank()) {
      throw new InvalidInputException(MatchingVariables.CHOSEN_COACH_ID, "Choose a coach from your shortlist.");
    }
    if (!shortlist.contains(coachId)) {
      throw new InvalidInputException(MatchingVariables.CHOSEN_COACH_ID,
          "'" + coachId + "' is not on your shortlist: choose one of "
          + String.join(", ", shortlist) + ".");
    }
    requests.sponsor(requestId, sponsor);
    requests.offer(requestId, coachId, request.clientId(), EngineTime.now());
  }

  /**
   * MAT-3: the chosen coach's answer; a decline or no answer counts as a failed attempt.
   *
   * @return the failed attempts so far
   */
  @Transactional
  public int answered(String requestId, String coachId, boolean accepted) {
    requests.answer(requestId, coachId, accepted ? "ACCEPTED" : "DECLINED", EngineTime.now());
    return accepted ? existing(requestId).failedAttempts() : requests.failed(requestId);
  }

  @Transactional
  public int noAnswer(String requestId, String coachId) {
    requests.answer(requestId, coachId, "NO_ANSWER", EngineTime.now());
    return requests.failed(requestId);
  }

  public boolean attemptsLeft(int failed) {
    return failed < settings.attempts();
  }

  @Transactional
  public void toCoordinator(String requestId) {
    requests.status(requestId, CoachingRequest.Status.WITH_COORDINATOR);
  }

  /** MAT-3: a coordinator matches by hand; the coach must still be on the register and free of conflicts. */
  @Transactional
  public void matchByHand(String requestId, String coachId, String coordinatorId) {
    CoachingRequest request = existing(requestId);
    if (coachId == null || coachId.isBlank()) {
      throw new InvalidInputException(PartyVariables.COACH_ID, "Give the user id of the coach or mentor.");
    }
    if (!people.hasRole(coachId, Roles.COACHES) || !eligible.eligibleApartFromCapacity(request, coachId)) {
      throw new InvalidInputException(PartyVariables.COACH_ID,
          "'" + coachId + "' cannot be matched with this client: they must be"
          + " a listed " + request.kind().name().toLowerCase(Locale.ROOT) + " register member, not lapsed or"
          + " suspended, and free of any conflict of interest.");
    }
    requests.offer(requestId, coachId, coordinatorId, EngineTime.now());
    requests.answer(requestId, coachId, "ACCEPTED", EngineTime.now());
  }

  @Transactional
  public void matched(String requestId, String relationshipId) {
    requests.matched(requestId, relationshipId);
  }

  public List<RequestRepository.Offer> offers(String requestId) {
    return requests.offers(requestId);
  }

  CoachingRequest existing(String requestId) {
    return requests.find(requestId).orElseThrow(() ->
        new org.tandem.common.NotFoundException("There is no request " + requestId + "."));
  }
}
