package org.jekafo.app.consultation;

import org.jekafo.api.consultation.ConsultationView;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.app.platform.readmodel.ReadBack;
import org.jekafo.app.platform.readmodel.ReadYourWrites;
import org.jekafo.query.consultation.ConsultationIndex;
import org.springframework.stereotype.Component;

/** A consultation as the next query will see it once a mutation's events are projected (read your writes). */
@Component
class ConsultationReadBack extends ReadBack<ConsultationView> {

    ConsultationReadBack(ReadYourWrites readYourWrites, ConsultationIndex index) {
        super(readYourWrites, index, FindConsultationQuery::new, ConsultationView.class, ConsultationView::version);
    }
}
