import type { TemplateCatalog } from './types.js';
import { foresightExercise } from './kinds/foresightExercise.js';
import { jointStrategicPlan } from './kinds/jointStrategicPlan.js';
import { pastActionReview } from './kinds/pastActionReview.js';
import { pilotInitiative } from './kinds/pilotInitiative.js';
import { policyAssessment } from './kinds/policyAssessment.js';
import { sustainabilityPlan } from './kinds/sustainabilityPlan.js';
import { trainingPackage } from './kinds/trainingPackage.js';
import { workshopNotes } from './kinds/workshopNotes.js';

/** The template of every document kind in every language. */
export const TEMPLATES: TemplateCatalog = {
  joint_strategic_plan: jointStrategicPlan,
  sustainability_plan: sustainabilityPlan,
  foresight_exercise: foresightExercise,
  policy_assessment: policyAssessment,
  past_action_review: pastActionReview,
  pilot_initiative: pilotInitiative,
  training_package: trainingPackage,
  workshop_notes: workshopNotes,
};
