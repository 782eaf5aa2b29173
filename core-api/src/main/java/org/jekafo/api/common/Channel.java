package org.jekafo.api.common;

/** The way a command reached the federation. Carried in the metadata of every event. */
public enum Channel {
    PORTAL, USSD, SMS, FIELD_AGENT, IMPORT, SYSTEM
}
