/** GraphQL documents of this feature (typed by client/codegen.ts; shared fragments in graphql/fragments.ts). */
import { graphql } from '../../graphql';
import '../../graphql/fragments';

/** Who is signed in (null when nobody is): asked once on load. */
export const ME = graphql(`
  query Me {
    me {
      ...UserFields
    }
  }
`);

/** Sets the HttpOnly session cookie; the browser needs nothing else. */
export const SIGN_IN = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      user {
        ...UserFields
      }
      expiresAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

/** The signed-in user's own password; the server ends this user's other sessions. */
export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
