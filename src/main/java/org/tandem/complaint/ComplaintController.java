package org.tandem.complaint;

import java.util.List;
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
  private final ComplaintProcess process;

  ComplaintController(ComplaintService complaints, ComplaintProcess process) {
    this.complaints = complaints;
    this.process = process;
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
    String id = process.raise(concern.coachId(), concern.clientOrganisation(), concern.concern());
    return complaints.find(id).orElseThrow();
  }
}
