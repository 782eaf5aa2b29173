package org.jekafo.benchmark;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The benchmark's own progress lines, told apart from the application's log. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void say(String message) {
        System.out.println("[benchmark " + LocalTime.now().format(TIME) + "] " + message);
        System.out.flush();
    }
}
