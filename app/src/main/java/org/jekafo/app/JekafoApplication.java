package org.jekafo.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Jɛkafo, the governance ledger of the Fédération nationale des artisans du Mali. */
@SpringBootApplication(scanBasePackages = "org.jekafo")
@EnableScheduling
public class JekafoApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(JekafoApplication.class, args);
    }
}
