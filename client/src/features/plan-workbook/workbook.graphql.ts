/** GraphQL documents of the Excel import (typed by client/codegen.ts; sent with upload progress by transport.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';
import type { ImportPlanWorkbookMutation, PreviewPlanWorkbookQuery } from '../../graphql/generated/graphql';

export type WorkbookPreview = PreviewPlanWorkbookQuery['previewPlanWorkbook'];
export type WorkbookChange = WorkbookPreview['changes'][number];
export type WorkbookProblem = WorkbookPreview['problems'][number];
export type WorkbookImport = ImportPlanWorkbookMutation['importPlanWorkbook'];

export const PREVIEW_PLAN_WORKBOOK = graphql(`
  query PreviewPlanWorkbook($planId: ID!, $file: String!) {
    previewPlanWorkbook(planId: $planId, file: $file) {
      plan {
        id
        version
        status
      }
      canImport
      changes {
        kind
        subject
        location
        name
        field
        before
        after
        reading
        sheet
        row
      }
      problems {
        sheet
        row
        column
        message
        code
      }
      warnings
      notices
    }
  }
`);

export const IMPORT_PLAN_WORKBOOK = graphql(`
  mutation ImportPlanWorkbook($planId: ID!, $file: String!, $expectedVersion: Int, $reason: String) {
    importPlanWorkbook(planId: $planId, file: $file, expectedVersion: $expectedVersion, reason: $reason) {
      plan {
        id
        version
        status
      }
      preview {
        canImport
        problems {
          sheet
          row
          column
          message
          code
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
