package org.jekafo.query.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.query.elasticsearch.VersionedDocument;

/** A unit in the {@code jekafo-org-units} index (see {@code org-units.json}). */
class OrgUnitDocument extends VersionedDocument {
    public String orgUnitId;
    public String code;
    public String name;
    public OrgUnitLevel level;
    public String parentId;
    public boolean closed;

    @Override
    public String documentId() {
        return orgUnitId;
    }
}
