import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { signIn as apiSignIn, signOut as apiSignOut, fetchMe } from '../api/auth';
import { onUnauthenticated } from '../api/client';
import type { Me } from '../api/types';

interface AuthState {
  /** The signed-in user; null when nobody is; undefined while the first check runs. */
  me: Me | null | undefined;
  /** Why the session could not be checked (server unreachable), if it could not. */
  error: unknown;
  /** Checks the session again after an error. */
  retry(): void;
  /** True when the signed-in user holds the permission. */
  can(permission: string): boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = ['me'] as const;

/** Holds the session: who is signed in, what they may do, and sign-in/sign-out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const {
    data: me,
    error,
    refetch,
  } = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity });

  const forget = useCallback(() => {
    // Drop every cached answer: the next user must not see the previous user's data.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    onUnauthenticated(forget);
    return () => onUnauthenticated(undefined);
  }, [forget]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      error,
      retry: () => void refetch(),
      can: (permission) => !!me?.permissions.includes(permission),
      signIn: async (username, password) => {
        const signedIn = await apiSignIn(username, password);
        queryClient.setQueryData(ME_KEY, signedIn);
        return signedIn;
      },
      signOut: async () => {
        try {
          await apiSignOut();
        } finally {
          forget();
        }
      },
    }),
    [me, error, refetch, queryClient, forget],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session state; only inside AuthProvider. */
export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth must be used inside AuthProvider');
  return v;
}
