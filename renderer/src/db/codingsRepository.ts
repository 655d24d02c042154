// Every read and write of the codings table goes through here: its layout is expected to change
// for scale (packed per-source blocks), and that change must touch this file only.
// Functions join the caller's Dexie transaction when called inside one.
import type { Coding } from '../../../shared/model/types';
import { getDb } from './db';

export function putCoding(coding: Coding): Promise<string> {
  return getDb().codings.put(coding);
}

export function putCodings(codings: readonly Coding[]): Promise<unknown> {
  return getDb().codings.bulkPut([...codings]);
}

export function getCoding(id: string): Promise<Coding | undefined> {
  return getDb().codings.get(id);
}

export function deleteCoding(id: string): Promise<void> {
  return getDb().codings.delete(id);
}

export function codingsOfSource(sourceId: string): Promise<Coding[]> {
  return getDb().codings.where('sourceId').equals(sourceId).toArray();
}

export function codingsOfProject(projectId: string): Promise<Coding[]> {
  return getDb().codings.where('projectId').equals(projectId).toArray();
}

export function codingsOfCodes(codeIds: readonly string[]): Promise<Coding[]> {
  return getDb().codings.where('codeId').anyOf([...codeIds]).toArray();
}

export function findSameCoding(sourceId: string, codeId: string, start: number, end: number): Promise<Coding | undefined> {
  return getDb()
    .codings.where('[sourceId+codeId]')
    .equals([sourceId, codeId])
    .filter((c) => c.start === start && c.end === end)
    .first();
}

export function deleteCodingsOfSource(sourceId: string): Promise<number> {
  return getDb().codings.where('sourceId').equals(sourceId).delete();
}

export function deleteCodingsOfCodes(codeIds: readonly string[]): Promise<number> {
  return getDb().codings.where('codeId').anyOf([...codeIds]).delete();
}

export function deleteCodingsOfProject(projectId: string): Promise<number> {
  return getDb().codings.where('projectId').equals(projectId).delete();
}

export function countCodingsOfSource(sourceId: string): Promise<number> {
  return getDb().codings.where('sourceId').equals(sourceId).count();
}

export function countCodingsOfProject(projectId: string): Promise<number> {
  return getDb().codings.where('projectId').equals(projectId).count();
}
