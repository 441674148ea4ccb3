package com.example.shop;

import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Receives Paygentic's webhooks: verified over the raw bytes, refused with a 400 otherwise. */
@RestController
public class WebhookController {
  private final WebhookVerifier verifier; // the auto-configured PaygenticWebhooks
  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();

  public WebhookController(WebhookVerifier verifier) {
    this.verifier = verifier;
  }

  @PostMapping("/webhooks/paygentic")
  public ResponseEntity<Void> receive(
      @RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
    WebhookEvent event;
    try {
      event = verifier.verify(body, headers::getFirst);
    } catch (WebhookVerificationException e) {
      return ResponseEntity.badRequest().build();
    }
    received.add(event); // a real application de-duplicates by event.id() and acts on it
    return ResponseEntity.ok().build();
  }

  public List<WebhookEvent> received() {
    return List.copyOf(received);
  }
}
