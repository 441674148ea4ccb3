package io.payclient.billingrails;

/**
 * The Billingrails environments. Billingrails tells them apart by host: a sandbox key works only
 * against {@link #SANDBOX}, a live key only against {@link #PRODUCTION}.
 */
public enum BillingrailsEnvironment {
  /** Live payments, {@code https://api.billingrails.com/v1}. The default. */
  PRODUCTION("https://api.billingrails.com/v1"),
  /** Test payments, {@code https://api.sandbox.billingrails.com/v1}. */
  SANDBOX("https://api.sandbox.billingrails.com/v1");

  private final String baseUrl;

  BillingrailsEnvironment(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The API base URL of this environment. */
  public String baseUrl() {
    return baseUrl;
  }
}
