package org.jekafo.app.census;

/** A file the server does not take for import, with the HTTP status, a stable code and a French message. */
class ImportRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    ImportRefusedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
