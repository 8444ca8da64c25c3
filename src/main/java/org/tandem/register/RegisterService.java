package org.tandem.register;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.Caller;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.Privileged;
import org.tandem.identity.Roles;
import org.tandem.notification.Notifications;
import org.tandem.privacy.ConsentService;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;
import org.tandem.common.ConflictException;

/** The register: applications, listing, refusal, profiles, suspension and removal, CPD lapses. */
@Service
public class RegisterService {

  /** How an application is assessed (REG-1). */
  enum Route {
    /** A coach with ILM Level 5 or above, or equivalent: a coordinator approves. */
    QUALIFIED,
    /** A coach without such a qualification: an assessor holds a competency interview. */
    INTERVIEW,
    /** A mentor only: the ethics declaration is all it takes. */
    MENTOR
  }

  private final ProfileRepository profiles;
  private final ConsentService consents;
  private final ProcessEngine engine;
  private final Notifications notifications;

  RegisterService(ProfileRepository profiles, ConsentService consents, ProcessEngine engine,
      Notifications notifications) {
    this.profiles = profiles;
    this.consents = consents;
    this.engine = engine;
    this.notifications = notifications;
  }

  /**
   * Keeps an application made by the caller, for themselves or, as a coordinator, on someone's behalf, with the
   * applicant's consent (DP-1); answers how it is assessed.
   */
  @Transactional
  Route apply(Application application, Caller caller) {
    ProfileRules.checkApplicant(caller, application.userId());
    if (!application.consentGiven()) {
      throw new InvalidInputException("consent",
          "Give your consent to the processing of your personal data; without it nothing is kept.");
    }
    ProfileRules.checkApplication(application);
    Optional<CoachProfile> existing = profiles.find(application.userId());
    if (existing.isPresent()) {
      throw new InvalidInputException("userId", existing.get().status() == ProfileStatus.APPLIED
          ? "An application for '" + application.userId() + "' is already being assessed."
          : "'" + application.userId() + "' already has a profile on the register.");
    }
    consents.record(application.userId(), ConsentService.Purpose.REGISTER);
    profiles.insert(application, ProfileRules.normalise(application.details().locations()), EngineTime.now());
    return route(application);
  }

  static Route route(Application application) {
    if (!application.coach()) {
      return Route.MENTOR;
    }
    return application.details().qualification().admitsCoach() ? Route.QUALIFIED : Route.INTERVIEW;
  }

  /**
   * REG-1: an assessor's competency interview, passed or not, with notes.
   *
   * @return if it was not passed, the reason for the refusal the applicant is told
   */
  @Transactional
  Optional<String> interviewed(String userId, boolean passed, String notes) {
    existing(userId);
    profiles.interview(userId, passed, notes);
    return passed ? Optional.empty() : Optional.of("The competency interview was not passed: " + notes);
  }

  /**
   * Approval: the person becomes a user in {@code coaches} (created if they have no account yet) and their profile is
   * listed.
   */
  @Transactional
  void list(String userId) {
    CoachProfile profile = existing(userId);
    Privileged.run(engine, () -> {
      IdentityService identity = engine.getIdentityService();
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(profile.firstName());
        user.setLastName(profile.lastName());
        user.setEmail(profile.email());
        identity.saveUser(user);
      }
      if (identity.createUserQuery().userId(userId).memberOfGroup(Roles.COACHES).count() == 0) {
        identity.createMembership(userId, Roles.COACHES);
      }
    });
    profiles.status(userId, ProfileStatus.LISTED, null, EngineTime.now());
    notifications.remind("register-listed:" + userId + ":" + EngineTime.now(), userId, null,
        "You are on the register",
        "Your application was approved: your profile is listed and clients can be matched with you.");
  }

  /** An application refused, with the reason the applicant is told. */
  @Transactional
  void refuse(String userId, String reason) {
    existing(userId);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(RegistrationVariables.REFUSAL_REASON, "Say why the application is refused.");
    }
    profiles.status(userId, ProfileStatus.REFUSED, reason, null);
    notifications.remind("register-refused:" + userId + ":" + EngineTime.now(), userId, null,
        "Your application to the register", "Your application was refused: " + reason);
  }

  /** A coach or mentor keeps their own profile up to date; no one else may (403). */
  @Transactional
  CoachProfile update(String userId, String editorId, ProfileDetails details) {
    CoachProfile profile = existing(userId);
    if (!userId.equals(editorId)) {
      throw new NotPermittedException("Only " + profile.displayName() + " can edit their profile.");
    }
    ProfileRules.checkDetails(details);
    profiles.update(userId, details, ProfileRules.normalise(details.locations()));
    return existing(userId);
  }

  /** CMP-1: not matched until the suspension is lifted. */
  @Transactional
  public void suspend(String userId, String reason) {
    existing(userId);
    profiles.status(userId, ProfileStatus.SUSPENDED, reason, null);
  }

  @Transactional
  public void liftSuspension(String userId) {
    CoachProfile profile = existing(userId);
    if (profile.status() != ProfileStatus.SUSPENDED) {
      throw new ConflictException(profile.displayName() + " is not suspended.");
    }
    profiles.status(userId, ProfileStatus.LISTED, null, null);
  }

  /** CMP-1: off the register. The profile stays on record, with the reason. */
  @Transactional
  public void remove(String userId, String reason) {
    existing(userId);
    profiles.status(userId, ProfileStatus.REMOVED, reason, null);
  }

  /**
   * REG-2: short of CPD at the end of the grace period; not matched as a coach until the evidence is in, and told
   * so.
   */
  @Transactional
  void lapse(String userId) {
    profiles.lapsed(userId, true);
    notifications.remind("register-lapsed:" + userId + ":" + EngineTime.now(), userId, null,
        "Your place on the register has lapsed",
        "You are not matched with new coaching clients until your CPD evidence is recorded in your CPD log.");
  }

  @Transactional
  void restore(String userId) {
    profiles.lapsed(userId, false);
  }

  public Optional<CoachProfile> find(String userId) {
    return profiles.find(userId);
  }

  List<CoachProfile> search(Boolean coach, Boolean mentor, Specialism specialism, String location, int page,
      int size) {
    String normalised = location == null ? null : ProfileRules.normalise(Set.of(location)).stream().findFirst()
        .orElse(null);
    return profiles.search(coach, mentor, specialism, normalised, page * size, size);
  }

  CoachProfile existing(String userId) {
    return profiles.find(userId)
        .orElseThrow(() -> new NotFoundException("There is no profile for '" + userId + "' on the register."));
  }
}
