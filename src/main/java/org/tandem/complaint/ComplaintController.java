package org.tandem.complaint;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.identity.Callers;
import org.tandem.common.NotPermittedException;

/** Complaints over HTTP (CMP-1): raised by clients and coaches; open complaints are listed to coordinators only. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

  /** A concern as raised. */
  record Concern(String coachId, String clientOrganisation, String concern) {
  }

  private final ComplaintService complaints;
  private final ProcessEngine engine;

  ComplaintController(ComplaintService complaints, ProcessEngine engine) {
    this.complaints = complaints;
    this.engine = engine;
  }

  @GetMapping
  List<Complaint> open(Authentication caller) {
    if (!Callers.isCoordinator(caller)) {
      throw new NotPermittedException("Open complaints are visible to coordinators only.");
    }
    return complaints.open();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Complaint raise(@RequestBody Concern concern) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("complaint", Map.of(
        "coachId", concern.coachId() == null ? "" : concern.coachId(),
        "clientOrganisation", concern.clientOrganisation() == null ? "" : concern.clientOrganisation(),
        "concern", concern.concern() == null ? "" : concern.concern())).getBusinessKey();
    return complaints.find(id).orElseThrow();
  }
}
