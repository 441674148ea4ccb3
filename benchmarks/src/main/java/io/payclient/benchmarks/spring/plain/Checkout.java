package io.payclient.benchmarks.spring.plain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The application's own service, the same in every start-up variant (here without payments). */
@Service
public class Checkout {
  private final String name;

  /**
   * Created by Spring.
   *
   * @param name the application's name
   */
  public Checkout(@Value("${spring.application.name}") String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return "Checkout of " + name;
  }
}
