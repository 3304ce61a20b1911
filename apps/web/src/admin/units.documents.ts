import { graphql } from '../generated';

export const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      ...UnitFields
    }
  }
`);

export const AssignUnitLiaisonMutation = graphql(`
  mutation AssignUnitLiaison($input: AssignUnitPersonInput!) {
    assignUnitLiaison(input: $input) {
      ...UnitFields
    }
  }
`);

export const DeactivateUnitMutation = graphql(`
  mutation DeactivateUnit($input: DeactivateUnitInput!) {
    deactivateUnit(input: $input) {
      ...UnitFields
    }
  }
`);
