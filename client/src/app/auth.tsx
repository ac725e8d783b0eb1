/**
 * Who is signed in. The token lives in local storage; on load the user is
 * read again from /me (a deactivated or expired account signs out). Signing
 * in opens the live socket; signing out closes it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, getToken, setToken, whenUnauthenticated } from './api.ts';
import { connectLive, disconnectLive, whenLiveExpired } from './live.ts';

export type Role = 'startup' | 'mentor' | 'manager' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  locale: 'vi' | 'en';
  createdAt: string;
}

interface AuthResult {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface Registration {
  email: string;
  password: string;
  name: string;
  role: 'startup' | 'mentor';
  locale: 'vi' | 'en';
}

interface AuthState {
  /** undefined while the stored token is being checked. */
  user: User | null | undefined;
  login(email: string, password: string): Promise<User>;
  register(registration: Registration): Promise<User>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(getToken() ? undefined : null);

  const logout = useCallback(() => {
    setToken(null);
    disconnectLive();
    setUser(null);
  }, []);

  const signedIn = useCallback((result: AuthResult) => {
    setToken(result.accessToken);
    connectLive(result.accessToken);
    setUser(result.user);
    return result.user;
  }, []);

  useEffect(() => {
    whenUnauthenticated(logout);
    whenLiveExpired(logout);
    const token = getToken();
    if (!token) return;
    let current = true;
    api.get<User>('/api/v1/me').then(
      (me) => {
        if (!current) return;
        connectLive(token);
        setUser(me);
      },
      // Signed out only when the token is refused; a network error or a busy server keeps it for a reload.
      (error: unknown) => current && (error instanceof ApiError && error.status === 401 ? logout() : setUser(null)),
    );
    return () => {
      current = false;
    };
  }, [logout]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      logout,
      login: async (email, password) => signedIn(await api.post<AuthResult>('/api/v1/auth/login', { email, password })),
      register: async (registration) => signedIn(await api.post<AuthResult>('/api/v1/auth/register', registration)),
    }),
    [user, logout, signedIn],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user, for screens that only render when someone is. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser with nobody signed in');
  return user;
}
