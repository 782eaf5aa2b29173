package org.jekafo.api.common;

/**
 * Why a command was refused: a stable code for programs, a French message for people, and the input
 * field at fault (or {@code null} when no single field is).
 */
public record Refusal(String code, String field, String message) {
}
