package org.jekafo.app.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.app.platform.graphql.MutationEnvelope;

/** The org-tree mutations' inputs, bound by Spring for GraphQL; see {@code orgunit.graphqls} for each field. */
final class OrgUnitInputs {

    private OrgUnitInputs() {
    }

    record CreateOrgUnitInput(String code, String name, OrgUnitLevel level, String parentId,
                              String clientMutationId) implements MutationEnvelope {
    }

    record RenameOrgUnitInput(String orgUnitId, String name, String clientMutationId) implements MutationEnvelope {
    }

    record MoveOrgUnitInput(String orgUnitId, String newParentId, String clientMutationId) implements MutationEnvelope {
    }

    record CloseOrgUnitInput(String orgUnitId, String reason, String clientMutationId) implements MutationEnvelope {
    }
}
