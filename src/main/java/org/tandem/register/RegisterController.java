package org.tandem.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.SessionFormat;
import org.tandem.identity.Callers;
import org.tandem.common.NotPermittedException;

/** The register over HTTP: search and read profiles; coaches keep their own profile and CPD log (REG-2, REG-3). */
@RestController
@RequestMapping("/api")
class RegisterController {

  /** What anyone logged in may read of a profile on the register. */
  record ProfileView(String userId, String name, String organisation, String email, String phone, boolean coach,
      boolean mentor, Qualification qualification, String qualificationDetails, boolean interviewPassed,
      boolean trainedSupervisor, boolean chargesFees, String fees, Set<Specialism> specialisms,
      Set<SessionFormat> formats, Set<String> locations, int capacity, ProfileStatus status, boolean coachLapsed) {

    static ProfileView of(CoachProfile p) {
      return new ProfileView(p.userId(), p.displayName(), p.organisation(), p.email(), p.phone(), p.coach(),
          p.mentor(), p.qualification(), p.qualificationDetails(), p.interviewPassed(), p.trainedSupervisor(),
          p.chargesFees(), p.fees(), p.specialisms(), p.formats(), p.locations(), p.capacity(), p.status(),
          p.coachLapsed());
    }
  }

  /** A CPD log and where it stands against the yearly requirement. */
  record CpdView(List<CpdEntry> entries, Compliance compliance) {
  }

  /** A new CPD entry. */
  record CpdEntryRequest(CpdEntry.Kind kind, LocalDate occurredOn, BigDecimal hours, String description) {
  }

  /** An application; a coordinator may apply on someone's behalf by naming their user id. */
  record ApplicationRequest(String userId, String firstName, String lastName, String email, boolean coach,
      boolean mentor, ProfileDetails details, boolean ethicsDeclared, boolean consent) {
  }

  /** An application received: who, and how it will be assessed. */
  record ApplicationReceived(String userId, String route, Instant at) {
  }

  private final RegisterService register;
  private final CpdService cpd;
  private final RegistrationProcess registration;
  private final CpdReviewProcess cpdReview;

  RegisterController(RegisterService register, CpdService cpd, RegistrationProcess registration,
      CpdReviewProcess cpdReview) {
    this.register = register;
    this.cpd = cpd;
    this.registration = registration;
    this.cpdReview = cpdReview;
  }

  @GetMapping("/coaches")
  List<ProfileView> search(@RequestParam(required = false) String kind,
      @RequestParam(required = false) Specialism specialism, @RequestParam(required = false) String location,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw new InvalidInputException("size", "Pages start at 0 and hold 1 to 100 profiles.");
    }
    Boolean coach = "COACHING".equalsIgnoreCase(kind) ? Boolean.TRUE : null;
    Boolean mentor = "MENTORING".equalsIgnoreCase(kind) ? Boolean.TRUE : null;
    if (kind != null && coach == null && mentor == null) {
      throw new InvalidInputException("kind", "Search for COACHING or MENTORING.");
    }
    return register.search(coach, mentor, specialism, location, page, size).stream().map(ProfileView::of).toList();
  }

  @GetMapping("/coaches/{id}")
  ProfileView profile(@PathVariable String id) {
    return ProfileView.of(register.existing(id));
  }

  /** REG-3: a coach keeps their own profile up to date; anyone else gets 403. */
  @PutMapping("/coaches/{id}")
  ProfileView update(@PathVariable String id, @RequestBody ProfileDetails details, Authentication caller) {
    return ProfileView.of(register.update(id, caller.getName(), details));
  }

  @GetMapping("/coaches/{id}/cpd")
  CpdView cpdLog(@PathVariable String id, Authentication caller) {
    register.existing(id);
    if (!id.equals(caller.getName()) && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Only the coach and coordinators can read a CPD log.");
    }
    return new CpdView(cpd.log(id), cpd.compliance(id));
  }

  /** REG-2: evidence in the coach's own log; a lapsed coach whose evidence is now complete is restored. */
  @PostMapping("/coaches/{id}/cpd")
  @ResponseStatus(HttpStatus.CREATED)
  CpdEntry addCpd(@PathVariable String id, @RequestBody CpdEntryRequest entry, Authentication caller) {
    return cpd.record(id, caller.getName(), new CpdEntry(null, entry.kind(), entry.occurredOn(), entry.hours(),
        entry.description(), null));
  }

  /** REG-1: applies to the register, as the caller or, for a coordinator, on someone's behalf. */
  @PostMapping("/coaches/applications")
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationReceived apply(@RequestBody ApplicationRequest application, Authentication caller) {
    String applicant = application.userId() == null ? caller.getName() : application.userId();
    if (!applicant.equals(caller.getName()) && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException(ProfileRules.APPLY_FOR_YOURSELF);
    }
    ProfileDetails details = application.details() == null
        ? new ProfileDetails(null, null, null, null, false, false, null, Set.of(), Set.of(), Set.of(), null)
        : application.details();
    String route = registration.apply(new Application(applicant, application.firstName(), application.lastName(),
        application.email(), application.coach(), application.mentor(), details, application.ethicsDeclared(),
        application.consent()));
    return new ApplicationReceived(applicant, route, Instant.now());
  }

  /** CMP-1: a coordinator lifts a suspension; the coach can be matched again. */
  @PostMapping("/coaches/{id}/suspension/lift")
  ProfileView liftSuspension(@PathVariable String id, Authentication caller) {
    if (!Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Only coordinators lift a suspension.");
    }
    register.liftSuspension(id);
    return ProfileView.of(register.existing(id));
  }

  /** REG-2: a coordinator runs the CPD review now rather than on its yearly date. */
  @PostMapping("/cpd-reviews")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> runCpdReview(Authentication caller) {
    if (!Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Only coordinators run the CPD review.");
    }
    return Map.of("processInstanceId", cpdReview.runNow());
  }
}
