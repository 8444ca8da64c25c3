package org.tandem.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.EngineTime;
import org.tandem.common.Privileged;
import org.tandem.identity.Callers;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;

/** A person's rights over HTTP (DP-1, DP-2): a copy of their data, withdrawing consent, asking for erasure. */
@RestController
@RequestMapping("/api")
class DataProtectionController {

  /** A request to erase data: the person's own, unless a coordinator names someone. */
  record ErasureRequestBody(String personId, String reason) {
  }

  /** A request as its raiser and coordinators see it: no personal data beyond whose it is. */
  record ErasureView(String id, String subjectId, ErasureRequests.RaisedBy raisedBy, ErasureRequests.Status status,
      String holdReason, java.time.Instant raisedAt, java.time.Instant erasedAt) {

    static ErasureView of(ErasureRequests.ErasureRequest request) {
      return new ErasureView(request.id(), request.subjectId(), request.raisedByRole(), request.status(),
          request.holdReason(), request.raisedAt(), request.erasedAt());
    }
  }

  private final SubjectAccess subjectAccess;
  private final Erasure erasure;
  private final ErasureRequests requests;
  private final ConsentService consents;
  private final ProcessEngine engine;
  private final TransactionTemplate transactions;
  private final ErasureProcess process;

  DataProtectionController(SubjectAccess subjectAccess, Erasure erasure, ErasureRequests requests,
      ConsentService consents, ProcessEngine engine, TransactionTemplate transactions, ErasureProcess process) {
    this.subjectAccess = subjectAccess;
    this.erasure = erasure;
    this.requests = requests;
    this.consents = consents;
    this.engine = engine;
    this.transactions = transactions;
    this.process = process;
  }

  /** DP-2: all the data held about a person, as a JSON download, for them or a coordinator on their behalf. */
  @GetMapping("/people/{id}/data")
  ResponseEntity<Map<String, Object>> copy(@PathVariable String id, Authentication caller) {
    boolean self = id.equals(caller.getName());
    if (!self && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException("A person's data goes to them, or to a coordinator on their behalf.");
    }
    Map<String, Object> copy = subjectAccess.copyOf(id, self);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + SubjectAccess.fileName(id, EngineTime.now()) + "\"")
        .body(copy);
  }

  /** DP-2: asks for a person's data to be erased; a coordinator verifies the request in Tasklist. */
  @PostMapping("/erasure-requests")
  @ResponseStatus(HttpStatus.CREATED)
  ErasureView requestErasure(@RequestBody(required = false) ErasureRequestBody body, Authentication caller) {
    String subject = body == null || body.personId() == null || body.personId().isBlank()
        ? caller.getName() : body.personId().trim();
    return ErasureView.of(start(subject, caller.getName(), body == null ? null : body.reason()));
  }

  @GetMapping("/erasure-requests/{id}")
  ErasureView erasureRequest(@PathVariable String id, Authentication caller) {
    ErasureRequests.ErasureRequest request = requests.find(id)
        .orElseThrow(() -> new NotFoundException("There is no erasure request " + id + "."));
    if (!caller.getName().equals(request.raisedBy()) && !caller.getName().equals(request.subjectId())
        && !Callers.isCoordinator(caller)) {
      throw new NotPermittedException("An erasure request is seen by whoever raised it and by coordinators.");
    }
    return ErasureView.of(request);
  }

  /**
   * DP-1: the caller withdraws their consent. Everything running for them stops at once, and their data goes to
   * erasure, which a coordinator verifies.
   */
  @PostMapping("/consents/withdrawal")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> withdraw(Authentication caller) {
    String person = caller.getName();
    Map<String, Object> answer = new LinkedHashMap<>();
    transactions.executeWithoutResult(status -> {
      answer.put("consentsWithdrawn", consents.withdraw(person));
      Privileged.run(engine, () -> erasure.stopProcessing(person));
      ErasureRequests.ErasureRequest request = requests.underWay(person).flatMap(requests::find)
          .orElseGet(() -> start(person, person, "Consent withdrawn"));
      answer.put("erasureRequest", ErasureView.of(request));
    });
    return answer;
  }

  private ErasureRequests.ErasureRequest start(String subject, String raisedBy, String reason) {
    erasure.check(subject, raisedBy);
    return requests.find(process.start(subject, reason)).orElseThrow();
  }
}
